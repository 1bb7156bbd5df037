package dev.serverlessapis.adapters.observability;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts, for every DynamoDB call, the attempts the SDK made again ({@link Event#DYNAMODB_RETRY}) and the calls still
 * throttled when its retries ran out ({@link Event#DYNAMODB_THROTTLE}), as EMF events. A transaction DynamoDB cancels
 * for throttling is one such call each time: the SDK does not retry it, the adapter does, up to 10 times, before a
 * 503. Registered on the DynamoDB client beside {@link XRayDynamoDbTracing}; it works whether or not the invocation
 * is traced.
 */
public final class DynamoDbRetryMetrics implements ExecutionInterceptor {
    private static final ExecutionAttribute<int[]> ATTEMPTS = new ExecutionAttribute<>("DynamoDbRetryMetrics.Attempts");

    private final EmfMetrics metrics;

    public DynamoDbRetryMetrics(EmfMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, new int[1]);
    }

    /** Called once per attempt, retries included. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.getAttribute(ATTEMPTS)[0]++;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        metrics.count(Event.DYNAMODB_RETRY, retries(attributes));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        metrics.count(Event.DYNAMODB_RETRY, retries(attributes));
        if (DynamoDbThrottling.refused(context.exception())) {
            metrics.count(Event.DYNAMODB_THROTTLE);
        }
    }

    private static long retries(ExecutionAttributes attributes) {
        var attempts = attributes.getAttribute(ATTEMPTS);
        return attempts == null ? 0 : Math.max(0, attempts[0] - 1);
    }
}
