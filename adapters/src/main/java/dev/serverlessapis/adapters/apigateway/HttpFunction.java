package dev.serverlessapis.adapters.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.deadline.RequestDeadline;
import dev.serverlessapis.adapters.invocation.Invocation;
import dev.serverlessapis.adapters.observability.RequestObserver;
import dev.serverlessapis.domain.shared.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One Lambda function's HTTP behaviour: the routes it serves, and everything every route shares (body limit,
 * media type, single-valued headers, CORS, 405 and preflight, problem documents, and the request's log line and metrics). Handlers delegate
 * to this and do nothing else.
 */
public final class HttpFunction {
    /** API Gateway's integration timeout (Terraform's {@code timeoutInMillis}): after it the client gets a 504. */
    static final Duration API_GATEWAY_TIMEOUT = Duration.ofSeconds(29);
    /** Kept back from the deadline to write the 503, its log line and its metrics. */
    static final Duration ANSWER_MARGIN = Duration.ofMillis(500);
    private static final Clock CLOCK = Clock.systemUTC();
    /**
     * Headers that hold one value: sent on several lines, which one was meant cannot be told (API Gateway passes the last
     * in {@code headers}; which one its authorizer checks is not documented), so the request is refused.
     */
    private static final String[] SINGLE_VALUED_HEADERS = {"Authorization", "Content-Type", "Idempotency-Key"};

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

    /** Outside an invocation (SnapStart priming, tests): bounded by API Gateway's timeout only. */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, String lambdaRequestId) {
        return handle(event, lambdaRequestId, API_GATEWAY_TIMEOUT);
    }

    /**
     * Serves one request within a deadline: the invocation's remaining time (its function timeout, counting down from
     * the start of the invocation), never more than API Gateway's timeout, less a margin to answer in. Past the
     * deadline no further store call starts, and the one under way is cut short: the answer is a 503 with
     * {@code Retry-After}, given while the function still can, instead of a timeout that answers nothing. The
     * invocation is current meanwhile ({@link Invocation}), so that the store's writes are named by it.
     *
     * @param lambdaRequestId the invocation's {@code Context.getAwsRequestId()}, which the log lines carry; unique per
     *                        invocation, since the store's write tokens are named by it
     * @param remainingTime   the invocation's {@code Context.getRemainingTimeInMillis()}
     */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, String lambdaRequestId, Duration remainingTime) {
        var budget = (remainingTime.compareTo(API_GATEWAY_TIMEOUT) < 0 ? remainingTime : API_GATEWAY_TIMEOUT).minus(ANSWER_MARGIN);
        var deadline = Deadline.in(budget, CLOCK);
        var invocation = Invocation.serving(lambdaRequestId);
        try {
            return RequestDeadline.within(deadline, () -> serve(event, lambdaRequestId));
        } finally {
            invocation.end();
        }
    }

    private APIGatewayProxyResponseEvent serve(APIGatewayProxyRequestEvent event, String lambdaRequestId) {
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
        var methods = routeTable.methods(request.resource());
        if (methods.isEmpty()) {
            throw new HttpProblem(404, "Not Found", "No route matches " + request.resource() + ".");
        }
        var served = methods.get();
        if (request.method().equals("OPTIONS")) {
            return cors.preflight(request, served);
        }
        var endpoint = endpoints.get(Route.of(request.method(), request.resource()));
        if (endpoint == null) {
            throw new HttpProblem(405, "Method Not Allowed",
                    request.method() + " is not served on " + request.resource() + ".", Problems.allow(served));
        }
        for (var header : SINGLE_VALUED_HEADERS) {
            var lines = request.headerValues(header).size();
            if (lines > 1) {
                throw new HttpProblem(400, "Bad Request", "The " + header + " header was sent " + lines + " times; send it once.");
            }
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
