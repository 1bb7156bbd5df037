package dev.serverlessapis.adapters.dynamodb;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.UserProfiles.Sweep;
import java.util.function.Consumer;

/**
 * One delete-all call's progress against its deadline (see {@link ProfileSweep}). Until it has removed something it
 * goes on whatever the time (each call makes progress; the request's own deadline still stops the store calls); after
 * that it starts a step (a scan page or a transaction) only while the time left exceeds the slowest step so far, so
 * that the step can finish before the deadline and the call answers what it did. A store call that stops (the
 * request's time is up, or the store refuses for now) ends the call the same way: with what it did, or, if it did
 * nothing, with that "try again", since only then is a 503 the whole truth.
 */
final class SweepProgress implements Consumer<TemporarilyUnavailableException> {
    private final Deadline deadline;
    private long deleted;
    private long scanned;
    private boolean progressed;
    private long slowestNanos;

    SweepProgress(Deadline deadline) {
        this.deadline = deadline;
    }

    boolean mayGoOn() {
        return !progressed || deadline.remaining().toNanos() > slowestNanos;
    }

    /** A step that stopped needs no timing: it ends the sweep. */
    void stepTook(long startedNanos) {
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - startedNanos);
    }

    void profilesScanned(int count) {
        scanned += count;
    }

    void profilesDeleted(int count) {
        deleted += count;
        progressed |= count > 0;
    }

    void claimsReleased(int count) {
        progressed |= count > 0;
    }

    /**
     * The {@code stopped} of the sweep's store calls ({@link DynamoDbCalls#inTime}): a stop is raised only while the
     * call has done nothing to tell of. This class is that consumer itself, so the sweep passes no method reference.
     */
    @Override
    public void accept(TemporarilyUnavailableException stop) {
        if (!progressed) {
            throw stop;
        }
    }

    /**
     * What a call that stopped early deleted, and that some may remain. It has progressed by then: {@link #mayGoOn}
     * holds until it has, and {@link #accept} raised the stop otherwise; checked all the same, since a 200 that did
     * nothing would send a client looping on {@code more} round without end.
     */
    Sweep stopped() {
        if (!progressed) {
            throw new IllegalStateException("a delete-all call stopped having removed nothing, with no stop to answer");
        }
        return new Sweep(deleted, true);
    }

    /**
     * A profile scanned but not deleted had changed since the scan, or someone else deleted it: a later call finds it
     * at its new version, or finds nothing, so the client's loop on {@code more} goes round once more instead of ending
     * with the profile still there.
     */
    Sweep finished() {
        return new Sweep(deleted, deleted < scanned);
    }
}
