package dev.serverlessapis.local;

import com.google.gson.JsonParser;
import dev.serverlessapis.local.identity.LocalIssuer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/** ID tokens from the local issuer over real HTTP, by the password grant docs/api-decisions.md documents for scripts. */
public final class LocalTokens {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalTokens() {
    }

    /** A token of the page's client, in the admins' group or in none. */
    public static String passwordGrant(LocalIssuer issuer, String handle, boolean admin) {
        return passwordGrant(issuer, LocalIssuer.PAGE_CLIENT_ID, handle, admin ? "admins" : "");
    }

    /** @param groups comma-separated, or empty for none */
    public static String passwordGrant(LocalIssuer issuer, String clientId, String handle, String groups) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("scope", "openid");
        form.put("username", handle);
        form.put("password", "local");
        if (!groups.isEmpty()) {
            form.put("groups", groups);
        }
        var body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(issuer.tokenEndpoint()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the local issuer answered " + response.statusCode() + ": " + response.body());
            }
            return JsonParser.parseString(response.body()).getAsJsonObject().get("id_token").getAsString();
        } catch (IOException failed) {
            throw new IllegalStateException("the local issuer did not answer", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
