package dev.serverlessapis.adapters.dynamodb;

import dev.serverlessapis.adapters.deadline.RequestDeadline;
import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Caps each DynamoDB call's {@code apiCallTimeout} at the time the current request has left ({@link RequestDeadline}),
 * through the call's own override configuration: a call to a store that is slow but still answering then fails with
 * the SDK's timeout, a 503, when the request's time is up, instead of running its full client-wide timeout past it.
 * Registered on the DynamoDB client in the wiring; outside a request it changes nothing.
 */
public final class RequestDeadlineTimeouts implements ExecutionInterceptor {
    /** Below this the call could not complete anyway; {@link DynamoDbCalls} refuses to start it. */
    private static final Duration SHORTEST_CALL = Duration.ofMillis(1);

    private final Duration callTimeout;

    /**
     * @param callTimeout the client's own {@code apiCallTimeout}, which a request with more time left keeps; it must be
     *     that value, since such a request is then left as it is
     */
    public RequestDeadlineTimeouts(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        var deadline = RequestDeadline.current();
        if (deadline.isEmpty() || !(context.request() instanceof AwsRequest request)) {
            return context.request();
        }
        var left = deadline.get().remaining();
        var current = request.overrideConfiguration();
        var moreThanTheClientsOwn = left.compareTo(callTimeout) >= 0;
        if (moreThanTheClientsOwn && current.isEmpty()) {
            // The client's own timeout already applies; a copy of the request would change nothing, and copying the
            // first request of each operation costs its cold start the builder classes and copiers of that type.
            return request;
        }
        var timeout = moreThanTheClientsOwn ? callTimeout : max(left, SHORTEST_CALL);
        var override = (current.isPresent() ? current.get().toBuilder() : AwsRequestOverrideConfiguration.builder())
                .apiCallTimeout(timeout)
                .build();
        return request.toBuilder().overrideConfiguration(override).build();
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }
}
