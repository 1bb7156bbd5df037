package dev.serverlessapis.adapters.dynamodb;

import dev.serverlessapis.adapters.deadline.RequestDeadline;
import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Where SDK exceptions stop. Throttling, timeouts, connection trouble, DynamoDB's 5xx and a write refused because a
 * transaction holds its item become the domain's "try again" (503 with {@code Retry-After}); anything else is a defect of ours and leaves as a plain
 * {@link IllegalStateException}, so no SDK type crosses into the domain or HTTP.
 * A failed condition, or a transaction cancelled by failed conditions or contention
 * ({@link TransactionOutcome#isAnswer}), is an answer, not a failure: those pass through for the adapter that asked to
 * read, or, for a put that carries a {@link WriteToken}, are read here ({@link #putAlone}). A transaction
 * cancelled for any other reason is our defect, translated as the other refusals are.
 */
final class DynamoDbCalls {
    private DynamoDbCalls() {
    }

    /**
     * No call starts once the current request's time is up: the request answers 503 now, while the function can still
     * answer, rather than being cut off by its timeout. Each call that starts is capped by {@link RequestDeadlineTimeouts}.
     */
    static <T> T call(String what, Supplier<T> operation) {
        var result = inTime(what, operation, RAISE);
        return result.get();
    }

    /**
     * A conditional put that goes alone, through {@link #call}: true when written, false when its condition failed on an
     * item some other write left. The put carries a fresh {@link WriteToken} on its item and asks for the item its
     * condition failed on ({@code ReturnValuesOnConditionCheckFailure.ALL_OLD}): when that item carries the token, an
     * earlier attempt of this very call wrote it and only its answer was lost before the SDK tried again, so the put is
     * done.
     */
    static boolean putAlone(DynamoDbClient dynamoDb, String what, String table, WriteCondition condition,
            Map<String, AttributeValue> item) {
        var token = WriteToken.next();
        var request = condition.putItem(table, item, token);
        try {
            call(what, () -> dynamoDb.putItem(request));
            return true;
        } catch (ConditionalCheckFailedException conditionFailed) {
            return token.isOn(conditionFailed.item());
        }
    }

    /**
     * As {@link #call}, for work that can stop part-way and say what it did: what would stop the call with "try again"
     * goes to {@code stopped} instead, and the call is empty. That is the request's time running out (the call did not
     * start because the time was up, or the SDK gave up on it once the time was up), or a refusal a retry may cure (see
     * {@link #translate}); our own defect is thrown whatever {@code stopped} does. A {@code stopped} that raises what it
     * is given makes this {@link #call}.
     */
    static <T> Optional<T> inTime(String what, Supplier<T> operation, Consumer<TemporarilyUnavailableException> stopped) {
        if (requestTimeIsUp()) {
            stopped.accept(outOfTime(what));
            return Optional.empty();
        }
        SdkException failure;
        try {
            return Optional.of(operation.get());
        } catch (ConditionalCheckFailedException answer) {
            throw answer;
        } catch (TransactionCanceledException cancelled) {
            if (TransactionOutcome.isAnswer(cancelled)) {
                throw cancelled;
            }
            failure = cancelled;
        } catch (SdkException failed) {
            failure = failed;
        }
        var translated = failure instanceof SdkClientException && requestTimeIsUp() ? outOfTime(what) : translate(what, failure);
        if (!(translated instanceof TemporarilyUnavailableException stop)) {
            // Our own defect: no work goes on past it, whatever was done before.
            throw translated;
        }
        stopped.accept(stop);
        return Optional.empty();
    }

    /**
     * The {@code stopped} of work that cannot stop part-way: whatever stops a call ends the request with "try again". A
     * class of its own rather than a method reference, which would bootstrap a lambda on every function's first call.
     */
    static final Consumer<TemporarilyUnavailableException> RAISE = new Raise();

    private static final class Raise implements Consumer<TemporarilyUnavailableException> {
        @Override
        public void accept(TemporarilyUnavailableException stop) {
            throw stop;
        }
    }

    /** The domain's "try again" for a request whose time ran out before, or while, DynamoDB could do {@code what}. */
    private static TemporarilyUnavailableException outOfTime(String what) {
        return new TemporarilyUnavailableException("the request's time ran out before DynamoDB could " + what, null);
    }

    private static boolean requestTimeIsUp() {
        var deadline = RequestDeadline.current();
        return deadline.isPresent() && deadline.get().passed();
    }

    /**
     * What a retry may cure is "try again": no answer in time or no connection (client exceptions, timeouts included),
     * throttling, DynamoDB's own 5xx failures, and a single-item write that met a transaction in progress on its item
     * (a 400, {@code TransactionConflictException}: the item is free again once that transaction ends), once the SDK's
     * retries are spent. Any other 4xx is our request's fault. The SDK's throttling error codes include DynamoDB's
     * ({@code ProvisionedThroughputExceededException}, {@code RequestLimitExceeded}, {@code ThrottlingException}) and
     * {@code TransactionInProgressException}, a transaction whose earlier attempt with the same client request token is
     * still under way; {@code ThrottlingTest} holds the SDK to that.
     */
    private static RuntimeException translate(String what, SdkException failure) {
        if (failure instanceof SdkClientException || failure instanceof TransactionConflictException
                || failure instanceof AwsServiceException service && (service.isThrottlingException() || service.statusCode() >= 500)) {
            return new TemporarilyUnavailableException("DynamoDB could not " + what + " now", failure);
        }
        return new IllegalStateException("DynamoDB refused to " + what, failure);
    }
}
