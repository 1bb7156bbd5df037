package dev.serverlessapis.adapters.deadline;

import dev.serverlessapis.domain.shared.Deadline;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When the request being served must be answered by: set by the HTTP layer for the duration of one invocation, read
 * by the DynamoDB adapters before and for each call they make, so that a request making many calls is bounded as a
 * whole, not only call by call. It is held per thread because a function serves its request on the thread that
 * invoked it, with the synchronous DynamoDB client; the ports stay free of it. Where a use case's own rule depends on
 * it (delete-all ends its batch by it and says what it did), the endpoint passes it in that use case's command.
 */
public final class RequestDeadline {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private RequestDeadline() {
    }

    /** Does {@code work} with {@code deadline} as the current request's, then restores what was current before. */
    public static <T> T within(Deadline deadline, Supplier<T> work) {
        Objects.requireNonNull(deadline, "deadline");
        var outer = CURRENT.get();
        CURRENT.set(deadline);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Empty outside a request (at SnapStart priming, or in a test calling an adapter directly). */
    public static Optional<Deadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
