package dev.serverlessapis.local;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The headers CloudFront's response-headers policy adds to the page on AWS, read from the same
 * {@code security-headers.json} as the site module, so that the page runs locally, in its browser tests too, under the
 * CSP it has there. HSTS is AWS's alone: a browser ignores it over http. Public for {@code TerraformTieTest}, which
 * holds it to what terraform makes of the same file.
 */
public final class PageSecurityHeaders {
    private static final String CONNECT_SELF = "connect-src 'self'";

    private record Definition(String contentSecurityPolicy, String frameOptions, String referrerPolicy) {
        Definition {
            Objects.requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
            Objects.requireNonNull(frameOptions, "frameOptions");
            Objects.requireNonNull(referrerPolicy, "referrerPolicy");
        }
    }

    private PageSecurityHeaders() {
    }

    /** As the site module adds its {@code connect_sources}: after {@code connect-src 'self'}, each origin's URL. */
    public static Map<String, String> allowingConnectionsTo(List<URI> connectSources) {
        var definition = definition();
        var connect = new ArrayList<String>();
        connect.add(CONNECT_SELF);
        for (var source : connectSources) {
            connect.add(source.toString());
        }
        return Map.of(
                "Content-Security-Policy", definition.contentSecurityPolicy().replace(CONNECT_SELF, String.join(" ", connect)),
                "X-Frame-Options", definition.frameOptions(),
                "Referrer-Policy", definition.referrerPolicy());
    }

    private static Definition definition() {
        try (var stream = PageSecurityHeaders.class.getResourceAsStream("/site/security-headers.json")) {
            if (stream == null) {
                throw new IllegalStateException("site/security-headers.json is not on the classpath");
            }
            return new Gson().fromJson(new InputStreamReader(stream, StandardCharsets.UTF_8), Definition.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
