package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chirp page's files (from {@code lambdas/page}, packaged under {@code page/}), and the {@code config.json} that
 * on AWS Terraform writes beside them. Locally the API is on the page's own origin, so its base URL is empty.
 */
public final class StaticPage {
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");
    private static final String LOCAL_CONFIG = "{\"apiBaseUrl\":\"\"}";
    /**
     * The page is one flat folder of named files: a single path segment with a known extension. Anything else, the
     * folder itself ({@code /.}) included, is not a file of the page, and the class loader would list a folder.
     */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.[a-z]+");

    Optional<APIGatewayProxyResponseEvent> serve(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.empty();
        }
        if (path.equals("/config.json")) {
            return Optional.of(file("json", LOCAL_CONFIG.getBytes(StandardCharsets.UTF_8)));
        }
        var name = path.equals("/") ? "index.html" : path.substring(1);
        if (!FILE_NAME.matcher(name).matches() || !CONTENT_TYPES.containsKey(extension(name))) {
            return Optional.empty();
        }
        try (var stream = StaticPage.class.getResourceAsStream("/page/" + name)) {
            if (stream == null) {
                return Optional.empty();
            }
            return Optional.of(file(extension(name), stream.readAllBytes()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static APIGatewayProxyResponseEvent file(String extension, byte[] content) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of(
                        "Content-Type", CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"),
                        "Cache-Control", "no-cache",
                        "X-Content-Type-Options", "nosniff"))
                .withBody(Base64.getEncoder().encodeToString(content))
                .withIsBase64Encoded(true);
    }

    private static String extension(String name) {
        var dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
