package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.DomainEvents;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Supplier;

/** Posts a chirp under a handle, timestamped by the server's clock. */
public final class PostChirp {
    private final Chirps chirps;
    private final Clock clock;
    private final DomainEvents events;

    public PostChirp(Chirps chirps, Clock clock, DomainEvents events) {
        this.chirps = chirps;
        this.clock = clock;
        this.events = events;
    }

    public Chirp post(Command command) {
        var chirp = chirps.add(command.userId(), command.text(), clock.millis());
        events.occurred(DomainEvent.CHIRP_POSTED);
        return chirp;
    }

    public record Command(UserId userId, ChirpText text) {
        /** Validates both fields and reports every invalid one at once. */
        public static Command of(String userId, String text) {
            var violations = new ArrayList<Violation>();
            var user = valid(() -> new UserId(userId), violations);
            var said = valid(() -> new ChirpText(text), violations);
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            return new Command(user.orElseThrow(), said.orElseThrow());
        }

        private static <T> Optional<T> valid(Supplier<T> value, ArrayList<Violation> violations) {
            try {
                return Optional.of(value.get());
            } catch (InvalidInputException invalid) {
                violations.addAll(invalid.violations());
                return Optional.empty();
            }
        }
    }
}
