package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Empties the profiles, freeing every email, a bounded batch at a time: one call works for at most its time budget,
 * or until the request it serves must answer if that comes first (and always makes progress), then says how many it
 * deleted and whether profiles remain. A client deletes a table of any size by calling again until nothing is left;
 * a request given little time (a short function timeout, a slow store) still answers what it did rather than failing
 * with its deletions untold.
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

    public UserProfiles.Sweep deleteAll(Command command) {
        Objects.requireNonNull(command, "command");
        return profiles.deleteAll(Deadline.in(budget, clock).earlier(command.answerBy()));
    }

    /**
     * Deleting everyone's data is for admins only. {@code answerBy} is when the request must have its work done to
     * answer in time (the HTTP layer's deadline, which already keeps back the time to write the answer).
     */
    public record Command(Caller.SignedIn admin, Deadline answerBy) {
        public Command {
            Objects.requireNonNull(admin, "admin");
            Objects.requireNonNull(answerBy, "answerBy");
        }

        public static Command of(Caller caller, Deadline answerBy) {
            return new Command(ProfileAccess.requireMayDeleteAll(caller), answerBy);
        }
    }
}
