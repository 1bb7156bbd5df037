package dev.serverlessapis.adapters.apigateway.user;

import dev.serverlessapis.adapters.apigateway.HttpRequest;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.adapters.apigateway.JsonBody;
import dev.serverlessapis.adapters.apigateway.NextPageLink;
import dev.serverlessapis.adapters.deadline.RequestDeadline;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.user.CreateUserProfile;
import dev.serverlessapis.domain.user.DeleteAllUserProfiles;
import dev.serverlessapis.domain.user.DeleteUserProfile;
import dev.serverlessapis.domain.user.IfMatch;
import dev.serverlessapis.domain.user.ListUserProfiles;
import dev.serverlessapis.domain.user.ReadUserProfile;
import dev.serverlessapis.domain.user.ReplaceUserProfile;
import dev.serverlessapis.domain.user.StoredProfile;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.domain.user.Version;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.TreeSet;

/**
 * User profiles over HTTP. A body is exactly the stored profile; the version travels only as a strong {@code ETag}
 * (its {@link Version#name()} between quotes, opaque to clients), {@code If-Match} on {@code PUT} and
 * {@code DELETE} makes the write conditional on it, and {@code If-None-Match} on {@code GET} spares a client that holds
 * the current version the body.
 */
public final class UserEndpoints {
    public static final String COLLECTION = "/users";
    public static final String ITEM = "/users/{id}";

    private final CreateUserProfile createUserProfile;
    private final ListUserProfiles listUserProfiles;
    private final ReadUserProfile readUserProfile;
    private final ReplaceUserProfile replaceUserProfile;
    private final DeleteUserProfile deleteUserProfile;
    private final DeleteAllUserProfiles deleteAllUserProfiles;

    public UserEndpoints(CreateUserProfile createUserProfile, ListUserProfiles listUserProfiles, ReadUserProfile readUserProfile,
                         ReplaceUserProfile replaceUserProfile, DeleteUserProfile deleteUserProfile,
                         DeleteAllUserProfiles deleteAllUserProfiles) {
        this.createUserProfile = createUserProfile;
        this.listUserProfiles = listUserProfiles;
        this.readUserProfile = readUserProfile;
        this.replaceUserProfile = replaceUserProfile;
        this.deleteUserProfile = deleteUserProfile;
        this.deleteAllUserProfiles = deleteAllUserProfiles;
    }

    public HttpResponse create(HttpRequest request) {
        var stored = createUserProfile.create(CreateUserProfile.Command.of(request.caller(), JsonBody.objectOf(request)));
        return withEtag(HttpResponse.json(201, stored.profile().members()), stored)
                .withHeader("Location", COLLECTION + "/" + URLEncoder.encode(stored.id().value(), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    public HttpResponse list(HttpRequest request) {
        var query = ListUserProfiles.Query.of(request.caller(), request.query("email"), request.query("limit"), request.query("cursor"));
        return NextPageLink.listResponse(request, listUserProfiles.list(query).map(stored -> stored.profile().members()));
    }

    /**
     * With {@code If-None-Match} naming the current version (or {@code *}), a 304 with the tag and no body: the client
     * holds the profile already. Decided after the read, so only who may read the profile learns that it exists.
     */
    public HttpResponse read(HttpRequest request) {
        var stored = readUserProfile.read(ReadUserProfile.Query.of(request.caller(), request.pathParameter("id")));
        if (ifNoneMatch(request).filter(held -> held.matches(stored.version())).isPresent()) {
            return withEtag(HttpResponse.empty(304), stored);
        }
        return withEtag(HttpResponse.json(200, stored.profile().members()), stored);
    }

    public HttpResponse replace(HttpRequest request) {
        var command = ReplaceUserProfile.Command.of(request.caller(), request.pathParameter("id"), JsonBody.objectOf(request),
                ifMatch(request));
        var stored = replaceUserProfile.replace(command);
        return withEtag(HttpResponse.json(200, stored.profile().members()), stored);
    }

    public HttpResponse delete(HttpRequest request) {
        UserProfile deleted = deleteUserProfile.delete(DeleteUserProfile.Command.of(request.caller(), request.pathParameter("id"),
                ifMatch(request)));
        return HttpResponse.json(200, deleted.members());
    }

    /** One bounded batch: it ends by the request's deadline at the latest, so the batches it did finish are told. */
    public HttpResponse deleteAll(HttpRequest request) {
        var deadline = RequestDeadline.current();
        if (deadline.isEmpty()) {
            throw new IllegalStateException("served outside HttpFunction's deadline");
        }
        var answerBy = deadline.get();
        refuseQueryParameters(request);
        refuseTrailingSlash(request);
        var sweep = deleteAllUserProfiles.deleteAll(DeleteAllUserProfiles.Command.of(request.caller(), answerBy));
        var body = new LinkedHashMap<String, Object>();
        body.put("deleted", sweep.deleted());
        body.put("more", sweep.more());
        return HttpResponse.json(200, body);
    }

    /**
     * A filter on delete-all ({@code ?email=}, which listing reads) means less than everything: refused, naming it, rather
     * than ignored while every profile goes. Refused as the request is read, before who may call is looked at.
     */
    private static void refuseQueryParameters(HttpRequest request) {
        var parameters = request.queryParameters();
        if (!parameters.isEmpty()) {
            var first = new TreeSet<>(parameters.keySet()).first();
            if (first.isEmpty()) {
                throw InvalidInputException.of("query", "holds a parameter without a name, which DELETE /users, deleting every"
                        + " profile, does not read: send it without query parameters");
            }
            throw InvalidInputException.of(first,
                    "is not read by DELETE /users, which deletes every profile: send it without query parameters");
        }
    }

    /**
     * {@code DELETE /users/} is what a script's {@code DELETE /users/$ID} sends when the id is empty, and it is routed
     * as {@code DELETE /users}, since a trailing slash is ignored: refused, rather than every profile deleted for one.
     */
    private static void refuseTrailingSlash(HttpRequest request) {
        if (request.path().endsWith("/")) {
            throw InvalidInputException.of("id", "is empty in DELETE " + request.path()
                    + ": DELETE /users/{id} deletes one profile, DELETE /users without the slash deletes every profile");
        }
    }

    private static HttpResponse withEtag(HttpResponse response, StoredProfile stored) {
        return response.withHeader("ETag", "\"" + stored.version().name() + "\"");
    }

    /**
     * RFC 9110 reads a header sent on several lines as one list, their values joined by commas, as a client or proxy
     * may split a long {@code If-Match}; so are all lines here, not the first alone.
     */
    private static Optional<IfMatch> ifMatch(HttpRequest request) {
        var lines = request.headerValues("If-Match");
        return lines.isEmpty() ? Optional.empty() : Optional.of(ifMatch(String.join(", ", lines)));
    }

    /** The versions the client holds, read as {@link #ifMatch(String)} reads its list, on all lines alike. */
    private static Optional<IfMatch> ifNoneMatch(HttpRequest request) {
        var lines = request.headerValues("If-None-Match");
        return lines.isEmpty() ? Optional.empty() : Optional.of(ifNoneMatch(String.join(", ", lines)));
    }

    /**
     * RFC 9110: {@code *}, or a list of entity tags; weak ({@code W/"..."}) or foreign tags are kept out and so never
     * match. Splitting at commas cannot cut one of our tags, which hold none, nor make one of ours from a foreign tag
     * that holds one: no tag holds a {@code "}, so of its pieces none both starts and ends with one. Read with
     * {@code split} at one plain character (String's fast path, which compiles no pattern), {@code strip},
     * {@code charAt} and {@code substring}, not a regular expression, which every cold start would pay to compile.
     */
    static IfMatch ifMatch(String header) {
        return tags(header, false);
    }

    /** As {@link #ifMatch(String)}, but compared weakly, as RFC 9110 has {@code If-None-Match} compared: {@code W/} is ignored. */
    static IfMatch ifNoneMatch(String header) {
        return tags(header, true);
    }

    private static IfMatch tags(String header, boolean weakComparison) {
        if (header.strip().equals("*")) {
            return IfMatch.ANY;
        }
        var versions = new HashSet<Version>();
        for (var listed : header.split(",")) {
            var tag = listed.strip();
            if (weakComparison && tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() > 2 && tag.charAt(0) == '"' && tag.charAt(tag.length() - 1) == '"') {
                var version = Version.named(tag.substring(1, tag.length() - 1));
                if (version.isPresent()) {
                    versions.add(version.get());
                }
            }
        }
        return IfMatch.anyOf(versions);
    }
}
