package dev.serverlessapis.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.Map;
import org.crac.Core;

/**
 * One function's execution environment: the handler class instantiated as the Lambda runtime does it, then one API
 * Gateway proxy event. With {@code primed}, the CRaC checkpoint hooks run first, as SnapStart runs them before the
 * snapshot, and the probe reports how long the first invoke after them takes: what a restored function runs.
 */
public final class HandlerProbe {
    private HandlerProbe() {
    }

    /**
     * @param arguments handler class, {@code cold} or {@code primed}, method, resource template, path, then
     *                  {@code query:name=value}, {@code path:name=value}, {@code header:name=value} and {@code body:text}
     */
    @SuppressWarnings("unchecked")
    public static void main(String[] arguments) throws Exception {
        var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(arguments[0]).getDeclaredConstructor().newInstance();
        var primed = arguments[1].equals("primed");
        if (primed) {
            // Through the compatibility package Lambda's runtime also plugs in (see crac.Core).
            Core.checkpointRestore();
        }
        var event = event(arguments);
        var started = System.nanoTime();
        // Unique per probe JVM, as Lambda's request ids are (the store's write tokens are named by it): the probes run
        // one after another, each for far longer than a millisecond, and the nanosecond clock tells two apart should
        // the wall clock be set back between them. Neither a UUID's random generator nor ProcessHandle (2-3 ms of a
        // function's start in a profile; the bare client pays neither) is added to the measured start.
        var requestId = "bench-cold-" + System.currentTimeMillis() + "-" + System.nanoTime();
        var response = handler.handleRequest(event, new ProbeContext(requestId, arguments[0]));
        var invokeNanos = System.nanoTime() - started;
        if (response.getStatusCode() / 100 != 2) {
            throw new IllegalStateException(arguments[0] + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        Probe.answered("status=" + response.getStatusCode() + " invokeNanos=" + invokeNanos);
        Probe.awaitRelease();
    }

    private static APIGatewayProxyRequestEvent event(String[] arguments) {
        var query = new HashMap<String, String>();
        var pathParameters = new HashMap<String, String>();
        var headers = new HashMap<String, String>();
        String body = null;
        String admin = null;
        for (int i = 5; i < arguments.length; i++) {
            var kind = arguments[i].substring(0, arguments[i].indexOf(':'));
            var value = arguments[i].substring(kind.length() + 1);
            switch (kind) {
                case "query" -> put(query, value);
                case "path" -> put(pathParameters, value);
                case "header" -> put(headers, value);
                case "body" -> body = value;
                case "admin" -> admin = value;
                default -> throw new IllegalArgumentException("unknown event part " + arguments[i]);
            }
        }
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(arguments[2])
                .withResource(arguments[3])
                .withPath(arguments[4])
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(context("bench-cold", admin));
    }

    /** A request context; with {@code admin}, carrying that admin's claims as on a signed-in route. */
    static APIGatewayProxyRequestEvent.ProxyRequestContext context(String requestId, String admin) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId(requestId);
        if (admin != null) {
            context.setAuthorizer(adminClaims(admin));
        }
        return context;
    }

    /** What API Gateway's Cognito authorizer passes for a member of admins: every claim a string. */
    private static Map<String, Object> adminClaims(String handle) {
        return Map.of("claims", Map.of("cognito:username", handle, "cognito:groups", "admins", "token_use", "id"));
    }

    private static void put(Map<String, String> map, String nameAndValue) {
        var split = nameAndValue.indexOf('=');
        map.put(nameAndValue.substring(0, split), nameAndValue.substring(split + 1));
    }
}
