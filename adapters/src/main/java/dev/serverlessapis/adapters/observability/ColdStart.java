package dev.serverlessapis.adapters.observability;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a request is the first of its execution environment. Under SnapStart, the priming before the snapshot must
 * not count as the first request, and the first request after each restore is a (restored) cold start.
 */
public final class ColdStart {
    private final AtomicBoolean pending = new AtomicBoolean(true);

    /** True exactly once: for the first request since start or since the last {@link #restored()}. */
    public boolean take() {
        return pending.getAndSet(false);
    }

    /** The environment was restored from a snapshot: its next request is a cold start again. */
    public void restored() {
        pending.set(true);
    }
}
