package dev.serverlessapis.local.identity;

import com.google.gson.Gson;
import dev.serverlessapis.domain.chirp.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * What the local issuer accepts before mock-oauth2-server sees a request. The login page's handle and admin box
 * become the user's Cognito claims here, on the server, so no client can choose its own claims; handles must fit the
 * chirp userId rule, as the user pool guarantees on AWS; only the grants a Cognito public app client has (plus the
 * password grant for scripts) are served; and, as Cognito does, a code is sent only to a registered callback URL and
 * redeemed only with the one it was sent to (RFC 6749 4.1.3).
 */
final class LocalLogin {
    static final String ADMINS = "admins";
    private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token", "password");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Gson GSON = new Gson();

    private final String authorizePath;
    private final String tokenPath;
    private final Clock clock;
    private final Set<String> callbackUrls;
    /** Each code not yet redeemed, and the redirect URI it was sent to. */
    private final Map<String, String> codesSentTo = new ConcurrentHashMap<>();

    /** {@code callbackUrls} is read on each request: the page's URL is registered once the emulator listens. */
    LocalLogin(String issuerId, Clock clock, Set<String> callbackUrls) {
        this.authorizePath = "/" + issuerId + "/authorize";
        this.tokenPath = "/" + issuerId + "/token";
        this.clock = clock;
        this.callbackUrls = callbackUrls;
    }

    /** The stable {@code sub} of a local handle: a UUID like Cognito's, and never the handle itself. */
    static String subjectOf(String handle) {
        return UUID.nameUUIDFromBytes(("local-issuer:" + handle).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static boolean fitsHandleRule(String handle) {
        return handle != null && UserId.PATTERN.matcher(handle).matches();
    }

    Function1<OAuth2HttpRequest, OAuth2HttpResponse> before(Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> routes) {
        return request -> {
            var path = request.getUrl().encodedPath();
            if (path.equals(authorizePath) && !callbackUrls.contains(request.getUrl().queryParameter("redirect_uri"))) {
                return redirectMismatch();
            }
            if (request.getMethod().equals("POST") && path.equals(authorizePath)) {
                return signIn(request).map(routes::invoke).map(answer -> rememberingItsCode(request, answer)).orElseGet(LocalLogin::handleRefused);
            }
            if (request.getMethod().equals("POST") && path.equals(tokenPath)) {
                return tokenRequestRefusal(request).map(refusal -> readableAcrossOrigins(request, refusal))
                        .orElseGet(() -> routes.invoke(request));
            }
            return routes.invoke(request);
        };
    }

    /** The login form's submission, rewritten into mock-oauth2-server's username and claims. */
    private Optional<OAuth2HttpRequest> signIn(OAuth2HttpRequest request) {
        var form = request.getFormParameters();
        var handle = Optional.ofNullable(form.get("handle")).map(String::strip).orElse(null);
        if (!fitsHandleRule(handle)) {
            return Optional.empty();
        }
        var claims = userClaims(handle, form.get("admin") != null ? List.of(ADMINS) : List.of());
        claims.put("auth_time", clock.instant().getEpochSecond());
        var body = "username=" + encode(handle) + "&claims=" + encode(GSON.toJson(claims));
        return Optional.of(new OAuth2HttpRequest(request.getHeaders(), request.getMethod(), request.getOriginalUrl(), body));
    }

    /** Who a token is for, as a Cognito ID token says it, whichever way they signed in; no groups, no claim. */
    static Map<String, Object> userClaims(String handle, List<String> groups) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("sub", subjectOf(handle));
        claims.put("cognito:username", handle);
        if (!groups.isEmpty()) {
            claims.put("cognito:groups", groups);
        }
        return claims;
    }

    private Optional<OAuth2HttpResponse> tokenRequestRefusal(OAuth2HttpRequest request) {
        var form = request.getFormParameters();
        var grant = form.get("grant_type");
        if (grant == null || !GRANTS.contains(grant)) {
            return Optional.of(oauthError("unsupported_grant_type", "The local issuer serves " + GRANTS + "."));
        }
        // A code is kept only for the registered callback URL it was sent to, and none is ever unregistered, so this
        // refuses an unregistered redirect_uri too, and a missing one.
        if (grant.equals("authorization_code") && form.get("code") != null) {
            var sentTo = codesSentTo.remove(form.get("code"));
            if (sentTo == null || !sentTo.equals(form.get("redirect_uri"))) {
                return Optional.of(oauthError("invalid_grant", "redirect_uri is not the one this code was sent to."));
            }
        }
        if (grant.equals("password")) {
            if (!fitsHandleRule(form.get("username"))) {
                return Optional.of(oauthError("invalid_request", "username is the handle to sign in as: 1 to 64 letters, digits, '_', '.' or '-'."));
            }
            if (!groupsOf(form.get("groups")).stream().allMatch(group -> GROUP.matcher(group).matches())) {
                return Optional.of(oauthError("invalid_request", "groups is a comma-separated list of group names such as admins."));
            }
        }
        return Optional.empty();
    }

    /** The sign-in's answer, a redirect carrying the code: which redirect URI the code went to is kept for its redemption. */
    private OAuth2HttpResponse rememberingItsCode(OAuth2HttpRequest request, OAuth2HttpResponse answer) {
        var location = answer.getHeaders().get("Location");
        var sentTo = location == null ? null : HttpUrl.parse(location);
        var code = sentTo == null ? null : sentTo.queryParameter("code");
        if (code != null) {
            codesSentTo.put(code, request.getUrl().queryParameter("redirect_uri"));
        }
        return answer;
    }

    /** The page reads the token endpoint's answers with fetch: refusals carry CORS as the issuer's own answers do. */
    private static OAuth2HttpResponse readableAcrossOrigins(OAuth2HttpRequest request, OAuth2HttpResponse response) {
        var origin = request.getHeaders().get("Origin");
        if (origin == null) {
            return response;
        }
        var headers = response.getHeaders().newBuilder().set("Access-Control-Allow-Origin", origin).build();
        return new OAuth2HttpResponse(headers, response.getStatus(), response.getBody(), null);
    }

    static List<String> groupsOf(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }

    private static OAuth2HttpResponse oauthError(String error, String description) {
        var body = GSON.toJson(Map.of("error", error, "error_description", description));
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8", "Cache-Control", "no-store"), 400, body, null);
    }

    private static OAuth2HttpResponse handleRefused() {
        var page = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local sign-in refused</title></head>
                <body><h1>That handle cannot sign in</h1>
                <p>A handle is 1 to 64 letters, digits, '_', '.' or '-'; it is the userId your chirps are posted under.</p>
                <p><a href="javascript:history.back()">Try another handle</a></p></body></html>
                """;
        return refusalPage(page);
    }

    /** Cognito's answer to an unregistered redirect_uri: an error page, never a redirect to where the code must not go. */
    private static OAuth2HttpResponse redirectMismatch() {
        var page = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>redirect_mismatch</title></head>
                <body><h1>redirect_mismatch</h1>
                <p>The redirect_uri is not a callback URL of the app client; the local stack registers the page's root.</p></body></html>
                """;
        return refusalPage(page);
    }

    private static OAuth2HttpResponse refusalPage(String html) {
        return new OAuth2HttpResponse(Headers.of("Content-Type", "text/html;charset=UTF-8"), 400, html, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
