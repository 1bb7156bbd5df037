package dev.serverlessapis.endtoend;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small HTTP client for end-to-end tests: the API as any client sees it, locally or on a deployed stage. */
public final class Http {
    private static final Gson GSON = new Gson();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final Optional<String> idToken;

    public Http(URI base) {
        this(base, Optional.empty());
    }

    private Http(URI base, Optional<String> idToken) {
        this.base = base;
        this.idToken = idToken;
    }

    /** The same client, sending {@code Authorization: Bearer <idToken>} with every request. */
    public Http signedIn(String idToken) {
        return new Http(base, Optional.of(idToken));
    }

    public URI base() {
        return base;
    }

    public HttpRequest.Builder to(String pathAndQuery) {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
        idToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(to(pathAndQuery).GET());
    }

    public HttpResponse<String> sendJson(String method, String pathAndQuery, String json) {
        return send(to(pathAndQuery).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public static JsonElement json(HttpResponse<String> response) {
        return GSON.fromJson(response.body(), JsonElement.class);
    }
}
