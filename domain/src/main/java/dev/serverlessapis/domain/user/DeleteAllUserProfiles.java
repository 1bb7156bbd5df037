package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Empties the profiles, freeing every email, a bounded batch at a time: one call works for at most its time budget
 * (and always makes progress), then says whether profiles remain, so a client deletes a table of any size by calling
 * again until nothing is left, and no call outlives the function's timeout.
 */
public final class DeleteAllUserProfiles {
    private final UserProfiles profiles;
    private final Clock clock;
    private final Duration budget;

    public DeleteAllUserProfiles(UserProfiles profiles, Clock clock, Duration budget) {
        this.profiles = profiles;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a time budget cannot be negative: " + budget);
        }
        this.budget = budget;
    }

    public UserProfiles.Sweep deleteAll() {
        return profiles.deleteAll(Deadline.in(budget, clock));
    }
}
