package dev.serverlessapis.adapters.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.observability.RequestObserver;
import java.util.Map;
import java.util.Optional;

/**
 * One Lambda function's HTTP behaviour: the routes it serves, and everything every route shares (body limit,
 * media type, CORS, 405 and preflight, problem documents, and the request's log line and metrics). Handlers delegate
 * to this and do nothing else.
 */
public final class HttpFunction {
    private final Map<Route, Endpoint> endpoints;
    private final RouteTable routeTable;
    private final Cors cors;
    private final RequestObserver observer;

    public HttpFunction(Map<Route, Endpoint> endpoints, RouteTable routeTable, Cors cors, RequestObserver observer) {
        this.endpoints = Map.copyOf(endpoints);
        this.routeTable = routeTable;
        this.cors = cors;
        this.observer = observer;
    }

    /** @param lambdaRequestId the invocation's {@code Context.getAwsRequestId()}, which the log lines carry */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, String lambdaRequestId) {
        var started = System.nanoTime();
        HttpRequest request = null;
        HttpResponse response;
        RuntimeException failure = null;
        try {
            request = new HttpRequest(event);
            response = dispatch(request);
        } catch (RuntimeException thrown) {
            failure = thrown;
            response = Problems.toResponse(thrown, request == null ? requestIdOf(event) : request.requestId());
        }
        if (request != null) {
            response = cors.decorate(request, response);
        }
        var answer = response.withHeader("Cache-Control", "no-store").withHeader("X-Content-Type-Options", "nosniff").toProxyResponse();
        observer.completed(event, lambdaRequestId, started, answer.getStatusCode(), CognitoClaims.subjectOf(event),
                Optional.ofNullable(failure));
        return answer;
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
            JsonBody.requireJsonContentType(request);
        }
        return endpoint.handle(request);
    }

    private static String requestIdOf(APIGatewayProxyRequestEvent event) {
        return event.getRequestContext() == null ? "unknown" : event.getRequestContext().getRequestId();
    }
}
