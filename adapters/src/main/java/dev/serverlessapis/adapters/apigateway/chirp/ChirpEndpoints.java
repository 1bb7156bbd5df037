package dev.serverlessapis.adapters.apigateway.chirp;

import com.google.gson.JsonObject;
import dev.serverlessapis.adapters.apigateway.HttpRequest;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.adapters.apigateway.NextPageLink;
import dev.serverlessapis.domain.chirp.Chirp;
import dev.serverlessapis.domain.chirp.ListChirps;
import dev.serverlessapis.domain.chirp.PostChirp;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chirps over HTTP: {@code POST /chirp} posts one under the signed-in caller's handle (a body {@code userId} may repeat
 * it), {@code GET /chirp} lists everyone's or, with {@code userId}, one user's.
 */
public final class ChirpEndpoints {
    public static final String RESOURCE = "/chirp";
    private static final Set<String> MEMBERS = Set.of("userId", "text");

    private final PostChirp postChirp;
    private final ListChirps listChirps;

    public ChirpEndpoints(PostChirp postChirp, ListChirps listChirps) {
        this.postChirp = postChirp;
        this.listChirps = listChirps;
    }

    public HttpResponse post(HttpRequest request) {
        var body = request.jsonObjectBody();
        var violations = new ArrayList<Violation>();
        body.keySet().stream().filter(member -> !MEMBERS.contains(member)).sorted().forEach(member -> violations.add(
                new Violation(member, "is not part of a chirp: send only userId and text (the server assigns timestamp)")));
        var userId = string(body, "userId", violations);
        var text = string(body, "text", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return HttpResponse.json(201, asJson(postChirp.post(PostChirp.Command.of(request.caller(), Optional.ofNullable(userId), text))));
    }

    public HttpResponse list(HttpRequest request) {
        var query = ListChirps.Query.of(request.query("userId"), request.query("limit"), request.query("cursor"));
        return NextPageLink.listResponse(request, listChirps.list(query).map(ChirpEndpoints::asJson));
    }

    /** The member's string, or null (reported by the domain as missing); a value of another JSON type is a violation. */
    private static String string(JsonObject body, String member, List<Violation> violations) {
        var value = body.get(member);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        violations.add(new Violation(member, "must be a JSON string"));
        return null;
    }

    private static Map<String, Object> asJson(Chirp chirp) {
        var json = new LinkedHashMap<String, Object>();
        json.put("userId", chirp.userId().value());
        json.put("timestamp", chirp.timestamp());
        json.put("text", chirp.text().value());
        return json;
    }
}
