package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Invokes a function by its name in {@code api.json}, through the handler class the spec names, as Lambda would.
 * While it runs, {@link #current()} names the function on this thread, so what the handler does (for instance, which
 * DynamoDB operations it calls) can be attributed to it.
 */
public final class Functions {
    private static final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> HANDLERS =
            new ConcurrentHashMap<>();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final ApiSpec SPEC = ApiSpec.load();

    private Functions() {
    }

    public static APIGatewayProxyResponseEvent invoke(String function, APIGatewayProxyRequestEvent event) {
        var handler = HANDLERS.computeIfAbsent(function, name -> SPEC.function(name).newHandler());
        CURRENT.set(function);
        try {
            return handler.handleRequest(event, new LocalContext(UUID.randomUUID().toString(), function));
        } finally {
            CURRENT.remove();
        }
    }

    /** The function running on this thread, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
