package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.inTime;

import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs write transactions until they commit or a condition fails, and is where the adapters' one retry policy lives.
 * A transaction cancelled only because another one touched the same items at the same moment (as 20 concurrent
 * creates of one email do, or concurrent idempotent visits of one counter) is tried again after a random pause, at
 * most {@value #ATTEMPTS} times in all; still contended then, the store is "temporarily unavailable". A cancellation
 * for any other reason never reaches here: {@link DynamoDbCalls} translates it as our defect.
 */
final class Transactions {
    static final int ATTEMPTS = 10;

    private final DynamoDbClient dynamoDb;

    Transactions(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    TransactionOutcome write(String what, List<TransactWriteItem> items) {
        var outcome = writeInTime(what, items, DynamoDbCalls.RAISE);
        return outcome.get();
    }

    /**
     * As {@link #write}, for work that can stop part-way: what would stop it with "try again" (the request's time
     * running out, a refusal for now, contention past the attempts, an interrupt while waiting to try again; the thread
     * stays interrupted) goes to {@code stopped}, and the write is empty (see {@link DynamoDbCalls#inTime}).
     */
    Optional<TransactionOutcome> writeInTime(String what, List<TransactWriteItem> items, Consumer<TemporarilyUnavailableException> stopped) {
        for (int attempt = 1; ; attempt++) {
            try {
                var request = TransactWriteItemsRequest.builder().transactItems(items).build();
                var committed = inTime(what, () -> dynamoDb.transactWriteItems(request), stopped);
                return committed.isPresent() ? Optional.of(TransactionOutcome.COMMITTED) : Optional.empty();
            } catch (TransactionCanceledException cancelled) {
                var outcome = new TransactionOutcome(cancelled.cancellationReasons());
                if (outcome.anyConditionFailed()) {
                    return Optional.of(outcome);
                }
                if (attempt == ATTEMPTS) {
                    stopped.accept(new TemporarilyUnavailableException("DynamoDB could not " + what + " now: contended", cancelled));
                    return Optional.empty();
                }
                try {
                    backOff(attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    stopped.accept(new TemporarilyUnavailableException("interrupted while DynamoDB was contended", interrupted));
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * Waits a random while, growing with the attempt, before retrying a write that collided with another: the jitter
     * keeps colliding writers from retrying in lockstep.
     */
    private static void backOff(int attempt) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
    }
}
