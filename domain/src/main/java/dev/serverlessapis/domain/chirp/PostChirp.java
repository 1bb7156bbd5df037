package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.DomainEvents;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Posts a chirp under the signed-in caller's handle, timestamped by the server's clock. */
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
        public Command {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(text, "text");
        }

        /**
         * The author is the caller ({@link ChirpAccess#authorOf}): who may post is decided before what is posted is
         * looked at, so a stranger learns nothing from validation. The body may repeat the caller's handle.
         */
        public static Command of(Caller caller, Optional<String> claimedUserId, String text) {
            return new Command(ChirpAccess.authorOf(caller, claimedUserId), new ChirpText(text));
        }
    }
}
