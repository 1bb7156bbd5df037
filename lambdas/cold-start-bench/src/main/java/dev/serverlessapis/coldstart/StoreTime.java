package dev.serverlessapis.coldstart;

import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local's own share of a measured run: the calls it answered that reached it while the run's window was
 * open, each timed from its first bytes to its answer written. A call begun before the window opened (the last
 * fixture's, whose answer may still be being written) is not the run's. DynamoDB Local tells of a call once its answer
 * is written, which may be just after the client has read it; the bench closes the window once the measured JVM has
 * exited, long after its last call.
 */
final class StoreTime implements LocalDynamoDb.ServedCalls {
    record Call(String operation, double millis) {
    }

    private final List<Call> calls = new ArrayList<>();
    private long openedNanos;
    private boolean open;

    synchronized void open() {
        calls.clear();
        openedNanos = System.nanoTime();
        open = true;
    }

    /** The calls served since {@link #open()}, in the order they were answered. */
    synchronized List<Call> close() {
        open = false;
        return List.copyOf(calls);
    }

    @Override
    public synchronized void served(String operation, long startedNanos, long tookNanos) {
        if (open && startedNanos - openedNanos >= 0) {
            calls.add(new Call(operation, tookNanos / 1e6));
        }
    }

    static double totalMillis(List<Call> calls) {
        var total = 0.0;
        for (var call : calls) {
            total += call.millis();
        }
        return total;
    }
}
