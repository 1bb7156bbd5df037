package dev.serverlessapis.adapters.apigateway;

import dev.serverlessapis.domain.shared.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the RFC 8288 {@code Link: <...>; rel="next"} of a paged list. The target is a query-only reference, which
 * resolves against whatever URL the client called (stage prefix, CloudFront path or local stack), keeping every
 * filter of the request and replacing only the cursor.
 */
public final class NextPageLink {
    private NextPageLink() {
    }

    public static HttpResponse listResponse(HttpRequest request, Page<?> page) {
        var response = HttpResponse.json(200, page.items());
        return page.nextCursor().map(cursor -> response.withHeader("Link", "<" + nextQuery(request, cursor) + ">; rel=\"next\""))
                .orElse(response);
    }

    static String nextQuery(HttpRequest request, String cursor) {
        var parameters = new TreeMap<String, List<String>>(request.queryParameters());
        parameters.put("cursor", java.util.List.of(cursor));
        return "?" + parameters.entrySet().stream()
                .flatMap(parameter -> parameter.getValue().stream().map(value -> Map.entry(parameter.getKey(), value)))
                .map(pair -> encode(pair.getKey()) + "=" + encode(pair.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
