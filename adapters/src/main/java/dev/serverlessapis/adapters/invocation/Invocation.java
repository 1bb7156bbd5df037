package dev.serverlessapis.adapters.invocation;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Lambda invocation being served: set by the HTTP layer for the duration of one invocation, on the thread that
 * serves it (as {@code RequestDeadline} is), and read by the DynamoDB adapters to name each of their conditional
 * writes uniquely. Its id is the invocation's {@code awsRequestId}, which Lambda hands to every invocation: unlike
 * what the JVM makes itself (a counter, a clock, a random generator's state), it is not copied by a SnapStart
 * snapshot into every environment restored from it, and it costs a cold start nothing (no {@code SecureRandom}).
 */
public final class Invocation {
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    private final String id;
    private final Invocation outer;
    private int named;

    private Invocation(String id, Invocation outer) {
        this.id = id;
        this.outer = outer;
    }

    /**
     * Makes {@code awsRequestId}'s invocation the current one until {@link #end()}, which restores what was current
     * before: a {@code try}/{@code finally} rather than a lambda, which every cold start's first request would pay to
     * spin.
     */
    public static Invocation serving(String awsRequestId) {
        Objects.requireNonNull(awsRequestId, "awsRequestId");
        var invocation = new Invocation(awsRequestId, CURRENT.get());
        CURRENT.set(invocation);
        return invocation;
    }

    /** Empty outside an invocation (a test or tool calling an adapter directly). */
    public static Optional<Invocation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * A name no other call returns, in this invocation or any other: the invocation's id and how many names it has
     * handed out before. An invocation is served by one thread, so the count needs no lock.
     */
    public String uniqueName() {
        named++;
        return id + "#" + named;
    }

    /**
     * A name no other call returns: the current invocation's next {@link #uniqueName()}, or outside an invocation
     * (tests and tools calling an adapter directly) a random UUID; the request path of a function never draws one.
     */
    public static String nextUniqueName() {
        var invocation = CURRENT.get();
        return invocation == null ? UUID.randomUUID().toString() : invocation.uniqueName();
    }

    public void end() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
