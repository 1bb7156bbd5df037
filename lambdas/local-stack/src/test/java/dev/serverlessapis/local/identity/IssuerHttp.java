package dev.serverlessapis.local.identity;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Real HTTP to the local issuer, as a script or the page would send it; redirects are not followed. */
public final class IssuerHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private IssuerHttp() {
    }

    /** The decoded value of query parameter {@code name} of {@code uri} (a redirect's code, an authorize URL's redirect_uri). */
    public static String queryParameter(URI uri, String name) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError(uri + " has no " + name));
    }

    static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
    }

    static HttpResponse<String> postForm(URI uri, Map<String, String> form) {
        return postForm(uri, form, "Accept", "*/*");
    }

    static HttpResponse<String> postForm(URI uri, Map<String, String> form, String headerName, String headerValue) {
        var body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header(headerName, headerValue)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }


    static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError("request to the local issuer failed: " + request.uri(), failed);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
