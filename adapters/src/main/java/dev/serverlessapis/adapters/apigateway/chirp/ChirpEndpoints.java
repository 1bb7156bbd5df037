package dev.serverlessapis.adapters.apigateway.chirp;

import dev.serverlessapis.adapters.apigateway.HttpRequest;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.adapters.apigateway.JsonBody;
import dev.serverlessapis.adapters.apigateway.NextPageLink;
import dev.serverlessapis.domain.chirp.Chirp;
import dev.serverlessapis.domain.chirp.ListChirps;
import dev.serverlessapis.domain.chirp.PostChirp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chirps over HTTP: {@code POST /chirp} posts one under the signed-in caller's handle (a body {@code userId} may repeat
 * it), {@code GET /chirp} lists everyone's or, with {@code userId}, one user's.
 */
public final class ChirpEndpoints {
    public static final String RESOURCE = "/chirp";

    private final PostChirp postChirp;
    private final ListChirps listChirps;

    public ChirpEndpoints(PostChirp postChirp, ListChirps listChirps) {
        this.postChirp = postChirp;
        this.listChirps = listChirps;
    }

    public HttpResponse post(HttpRequest request) {
        var command = PostChirp.Command.of(request.caller(), JsonBody.objectOf(request));
        return HttpResponse.json(201, asJson(postChirp.post(command)));
    }

    public HttpResponse list(HttpRequest request) {
        var query = ListChirps.Query.of(request.query("userId"), request.query("limit"), request.query("cursor"));
        return NextPageLink.listResponse(request, listChirps.list(query).map(ChirpEndpoints::asJson));
    }

    private static Map<String, Object> asJson(Chirp chirp) {
        var json = new LinkedHashMap<String, Object>();
        json.put("userId", chirp.userId().value());
        json.put("timestamp", chirp.timestamp());
        json.put("text", chirp.text().value());
        return json;
    }
}
