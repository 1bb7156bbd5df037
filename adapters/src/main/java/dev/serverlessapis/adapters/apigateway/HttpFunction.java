package dev.serverlessapis.adapters.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * One Lambda function's HTTP behaviour: the routes it serves, and everything every route shares (body limit,
 * media type, CORS, 405 and preflight, problem documents). Handlers delegate to this and do nothing else.
 */
public final class HttpFunction {
    private final Map<Route, Endpoint> endpoints;
    private final RouteTable routeTable;
    private final Cors cors;

    public HttpFunction(Map<Route, Endpoint> endpoints, RouteTable routeTable, Cors cors) {
        this.endpoints = Map.copyOf(endpoints);
        this.routeTable = routeTable;
        this.cors = cors;
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        HttpRequest request = null;
        HttpResponse response;
        try {
            request = new HttpRequest(event);
            response = dispatch(request);
        } catch (RuntimeException failure) {
            response = Problems.toResponse(failure, request == null ? requestIdOf(event) : request.requestId());
        }
        if (request != null) {
            response = cors.decorate(request, response);
        }
        return response.withHeader("Cache-Control", "no-store").withHeader("X-Content-Type-Options", "nosniff").toProxyResponse();
    }

    private HttpResponse dispatch(HttpRequest request) {
        var served = routeTable.methods(request.resource())
                .orElseThrow(() -> new HttpProblem(404, "Not Found", "No route matches " + request.resource() + "."));
        if (request.method().equals("OPTIONS")) {
            return cors.preflight(request, served);
        }
        var endpoint = endpoints.get(Route.of(request.method(), request.resource()));
        if (endpoint == null) {
            throw new HttpProblem(405, "Method Not Allowed",
                    request.method() + " is not served on " + request.resource() + ".", Problems.allow(served));
        }
        if (request.bodySize() > HttpRequest.MAX_BODY_BYTES) {
            throw new HttpProblem(413, "Content Too Large",
                    "The body is " + request.bodySize() + " bytes; at most " + HttpRequest.MAX_BODY_BYTES + " are accepted.");
        }
        if (request.hasBody()) {
            request.requireJsonContentType();
        }
        return endpoint.handle(request);
    }

    private static String requestIdOf(APIGatewayProxyRequestEvent event) {
        return event.getRequestContext() == null ? "unknown" : event.getRequestContext().getRequestId();
    }
}
