package dev.serverlessapis.domain.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** When a request's work must stop, so that it answers in time whatever the size of the data it works through. */
public record Deadline(Clock clock, Instant at) {
    public Deadline {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(at, "at");
    }

    public static Deadline in(Duration budget, Clock clock) {
        return new Deadline(clock, clock.instant().plus(budget));
    }

    /** Whichever of the two passes first. */
    public Deadline earlier(Deadline other) {
        return other.at.isBefore(at) ? other : this;
    }

    public boolean passed() {
        return !clock.instant().isBefore(at);
    }

    /** The time left, zero once passed. */
    public Duration remaining() {
        var left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
