package dev.serverlessapis.adapters.dynamodb;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * For a call that asks ({@link #TALLY} in its override configuration): how many of its attempts the SDK sent, and how
 * many of them DynamoDB answered with a 4xx, which it never carries out (a throttle, a transaction in progress on the
 * item, a failed condition). An attempt without an answer (a lost connection, a timeout) or with a 5xx may have been
 * done. Registered on the DynamoDB client; a call's retries then tell "my earlier attempt did it" from "someone
 * else did it after my attempt was refused".
 */
public final class AnsweredAttempts implements ExecutionInterceptor {
    static final ExecutionAttribute<Tally> TALLY = new ExecutionAttribute<>("AnsweredAttempts.Tally");

    /** One call's attempts; filled in by the interceptor while the call runs. */
    static final class Tally {
        private int sent;
        private int refused;

        /** Whether every attempt was answered and refused, so none was done; false if the interceptor saw none. */
        boolean everyAttemptRefused() {
            return sent > 0 && refused == sent;
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        var tally = attributes.getAttribute(TALLY);
        if (tally != null) {
            tally.sent++;
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        var tally = attributes.getAttribute(TALLY);
        if (tally != null && context.httpResponse().statusCode() / 100 == 4) {
            tally.refused++;
        }
    }
}
