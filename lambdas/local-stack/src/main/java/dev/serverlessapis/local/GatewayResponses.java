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
 */
final class GatewayResponses {
    private GatewayResponses() {
    }

    static APIGatewayProxyResponseEvent problem(int status, String title, String detail) {
        return Problems.problem(status, title, detail, Map.of()).toProxyResponse();
    }

    /** The request's Origin echoed and never cached, as Terraform's gateway_response_headers say. */
    static APIGatewayProxyResponseEvent withGatewayHeaders(Optional<String> origin, APIGatewayProxyResponseEvent response) {
        var headers = new LinkedHashMap<String, String>(Optional.ofNullable(response.getHeaders()).orElse(Map.of()));
        origin.ifPresent(value -> headers.put("Access-Control-Allow-Origin", value));
        headers.put("Vary", "Origin");
        headers.put("Cache-Control", "no-store");
        return response.withHeaders(headers);
    }
}
