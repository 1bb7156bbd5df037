package dev.serverlessapis.adapters.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.json.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an endpoint answers: status, headers (each possibly repeated) and an optional text body. */
public record HttpResponse(int status, Map<String, List<String>> headers, Optional<String> body) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public static HttpResponse json(int status, Object body) {
        return new HttpResponse(status, Map.of("Content-Type", List.of(JSON)), Optional.of(JsonCodec.write(body)));
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, Map.of(), Optional.empty());
    }

    /** A copy with one more value for {@code name}; values already there are kept. */
    public HttpResponse withHeader(String name, String value) {
        return withHeaders(Map.of(name, List.of(value)));
    }

    /** A copy with {@code more}'s values after those already there, the headers copied once however many there are. */
    public HttpResponse withHeaders(Map<String, List<String>> more) {
        var copy = new LinkedHashMap<String, List<String>>(headers);
        for (var header : more.entrySet()) {
            if (!header.getValue().isEmpty()) {
                var values = new ArrayList<String>(copy.getOrDefault(header.getKey(), List.of()));
                values.addAll(header.getValue());
                copy.put(header.getKey(), List.copyOf(values));
            }
        }
        return new HttpResponse(status, copy, body);
    }

    public HttpResponse replacingContentType(String contentType) {
        var copy = new LinkedHashMap<String, List<String>>(headers);
        copy.put("Content-Type", List.of(contentType));
        return new HttpResponse(status, copy, body);
    }

    /** This response as the Lambda proxy integration expects it back; every header travels as a multi-value one. */
    public APIGatewayProxyResponseEvent toProxyResponse() {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withMultiValueHeaders(new LinkedHashMap<>(headers))
                .withBody(body.orElse(null))
                .withIsBase64Encoded(false);
    }
}
