package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's own answers, given instead of a function's: the problem documents of the gateway responses Terraform
 * configures, from the functions' own {@link Problems}, with the headers Terraform's {@code gateway_response_headers}
 * give every one of them.
 * <p>
 * All but the 413 for a request over API Gateway's 10 MB: its {@code REQUEST_TOO_LARGE} gateway response cannot be
 * customised (API Gateway's developer guide, known issues), so Terraform configures none and on AWS it carries no CORS
 * headers, which means a page cannot read it. Locally it carries none either, so that no page comes to depend on
 * reading it. Its body is API Gateway's own on AWS, which the guide does not document; locally it stays the problem
 * document, never cached (the status is what a client can rely on).
 */
final class GatewayResponses {
    /** The status of API Gateway's {@code REQUEST_TOO_LARGE}, the one gateway response that cannot be customised. */
    static final int NOT_CUSTOMISABLE = 413;

    private GatewayResponses() {
    }

    static APIGatewayProxyResponseEvent problem(int status, String title, String detail) {
        return Problems.problem(status, title, detail, Map.of()).toProxyResponse();
    }

    /**
     * The request's Origin echoed, never cached and never sniffed, as Terraform's gateway_response_headers say; the 413
     * gets neither CORS nor nosniff, as on AWS.
     */
    static APIGatewayProxyResponseEvent withGatewayHeaders(Optional<String> origin, APIGatewayProxyResponseEvent response) {
        var headers = new LinkedHashMap<String, String>(Optional.ofNullable(response.getHeaders()).orElse(Map.of()));
        if (response.getStatusCode() != NOT_CUSTOMISABLE) {
            origin.ifPresent(value -> headers.put("Access-Control-Allow-Origin", value));
            headers.put("Vary", "Origin");
            headers.put("X-Content-Type-Options", "nosniff");
        }
        headers.put("Cache-Control", "no-store");
        return response.withHeaders(headers);
    }
}
