package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a use case retries a write that lost a race to another writer of the same profile (optimistic concurrency):
 * read the profile again, decide again, write again, at most {@value #ATTEMPTS} times. A profile that changes under
 * every one of them is contended, and the caller is told to try again later.
 */
final class OptimisticRetry {
    static final int ATTEMPTS = 8;

    private OptimisticRetry() {
    }

    /** The first answer an attempt gives; an empty one means its write lost the race and the next attempt starts over. */
    static <T> T until(Supplier<Optional<T>> attempt, Supplier<String> contended) {
        for (int tried = 1; tried <= ATTEMPTS; tried++) {
            var answer = attempt.get();
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        throw new TemporarilyUnavailableException(contended.get(), null);
    }
}
