package dev.serverlessapis.adapters.apigateway;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin access for the configured origins only. An origin not on the list gets no
 * {@code Access-Control-Allow-Origin}, so the browser withholds the response from that page.
 */
public final class Cors {
    /** Every request header an endpoint reads beyond the CORS-safelisted ones: a page cannot send any other. */
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key";
    /** Beyond the CORS-safelisted ones: what a page needs to read (Retry-After on a 503 is not safelisted either). */
    private static final String EXPOSED_HEADERS = "ETag, Location, Link, Retry-After";
    private static final String PREFLIGHT_CACHE_SECONDS = "600";

    private final Set<String> allowedOrigins;

    public Cors(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Parses a comma-separated list, as the configuration carries it. */
    public static Cors allowing(String commaSeparatedOrigins) {
        var origins = new HashSet<String>();
        for (var origin : commaSeparatedOrigins.split(",")) {
            if (!origin.isBlank()) {
                origins.add(origin.strip());
            }
        }
        return new Cors(origins);
    }

    /** The origin headers are left to {@link #decorate}, which every response gets once. */
    public HttpResponse preflight(HttpRequest request, List<String> methods) {
        var response = HttpResponse.empty(204).withHeaders(Problems.allow(methods));
        if (allowedOrigin(request).isEmpty()) {
            return response;
        }
        return response
                .withHeader("Access-Control-Allow-Methods", String.join(", ", methods))
                .withHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .withHeader("Access-Control-Max-Age", PREFLIGHT_CACHE_SECONDS);
    }

    public HttpResponse decorate(HttpRequest request, HttpResponse response) {
        var varied = response.withHeader("Vary", "Origin");
        var origin = allowedOrigin(request);
        if (origin.isEmpty()) {
            return varied;
        }
        return varied.withHeader("Access-Control-Allow-Origin", origin.get()).withHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }

    private Optional<String> allowedOrigin(HttpRequest request) {
        var origin = request.header("Origin");
        return origin.isPresent() && allowedOrigins.contains(origin.get()) ? origin : Optional.empty();
    }
}
