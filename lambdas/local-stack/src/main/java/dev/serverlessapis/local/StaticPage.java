package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chirp page's files (from {@code lambdas/page}, packaged under {@code page/}), and the {@code config.json} that
 * on AWS Terraform writes beside them, with the security headers CloudFront adds there. Locally the API is on the page's
 * own origin, so its base URL is empty, and the page signs in at the local issuer.
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
    private static final Gson GSON = new Gson();
    /**
     * The page is one flat folder of named files: a single path segment with a known extension. Anything else, the
     * folder itself ({@code /.}) included, is not a file of the page, and the class loader would list a folder.
     */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.[a-z]+");

    private final String config;
    private final Map<String, String> securityHeaders;

    /** No sign-in: the page can read but offers no way to post. */
    public StaticPage() {
        this(Map.of("apiBaseUrl", ""), List.of());
    }

    /**
     * {@code config} is what the page's {@code config.json} says, as Terraform writes it on AWS; the page may fetch from
     * {@code connectSources} besides its own origin, as from the site module's {@code connect_sources}.
     */
    public StaticPage(Map<String, String> config, List<URI> connectSources) {
        this.config = GSON.toJson(config);
        this.securityHeaders = PageSecurityHeaders.allowingConnectionsTo(connectSources);
    }

    /** The page signs in at this issuer (the local one, all on 127.0.0.1) as app client {@code clientId}. */
    public static StaticPage signingInAt(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, String clientId) {
        var config = new LinkedHashMap<String, String>();
        config.put("apiBaseUrl", "");
        config.put("issuer", issuer.toString());
        config.put("authorizationEndpoint", authorizationEndpoint.toString());
        config.put("tokenEndpoint", tokenEndpoint.toString());
        config.put("logoutEndpoint", "");
        config.put("clientId", clientId);
        return new StaticPage(config, List.of(URI.create(tokenEndpoint.getScheme() + "://" + tokenEndpoint.getRawAuthority())));
    }

    Optional<APIGatewayProxyResponseEvent> serve(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.empty();
        }
        if (path.equals("/config.json")) {
            return Optional.of(file("json", config.getBytes(StandardCharsets.UTF_8)));
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

    private APIGatewayProxyResponseEvent file(String extension, byte[] content) {
        var headers = new LinkedHashMap<>(securityHeaders);
        headers.put("Content-Type", CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
        headers.put("Cache-Control", "no-cache");
        headers.put("X-Content-Type-Options", "nosniff");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(content))
                .withIsBase64Encoded(true);
    }

    private static String extension(String name) {
        var dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
