package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.DomainEvents;
import dev.serverlessapis.domain.shared.JsonStrings;
import dev.serverlessapis.domain.shared.Violations;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
        private static final String USER_ID = "userId";
        private static final String TEXT = "text";
        private static final Set<String> MEMBERS = Set.of(USER_ID, TEXT);

        public Command {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(text, "text");
        }

        /**
         * A client's JSON object as a chirp: exactly {@code userId} (optional) and {@code text}, both strings; every
         * other member ({@code timestamp} included: the server's clock sets it) and every invalid one is reported at
         * once. The author is the caller ({@link ChirpAccess#authorOf}): who may post is decided before what is posted
         * is looked at, so a stranger learns nothing from validation: the members' violations are only collected until
         * the author is known, so nobody signed in is refused whatever the body holds, and posting under somebody
         * else's handle is refused before any invalid member is reported.
         */
        public static Command of(Caller caller, Map<String, ?> body) {
            var violations = new Violations();
            for (var member : new TreeSet<>(body.keySet())) {
                if (!MEMBERS.contains(member)) {
                    violations.add(member, "is not part of a chirp: send only " + USER_ID + " and " + TEXT + " (the server assigns timestamp)");
                }
            }
            var claimedUserId = violations.check(() -> Optional.ofNullable(JsonStrings.orNull(USER_ID, body.get(USER_ID))))
                    .flatMap(claimed -> claimed);
            // A userId no handle can be names nobody, so it is input to fix rather than somebody else's handle.
            var namedHandle = claimedUserId.isPresent() ? violations.check(() -> new UserId(claimedUserId.get())) : Optional.<UserId>empty();
            var text = violations.check(() -> new ChirpText(JsonStrings.orNull(TEXT, body.get(TEXT))));
            var author = ChirpAccess.authorOf(caller, namedHandle.map(UserId::value));
            violations.throwIfAny();
            return new Command(author, text.orElseThrow());
        }
    }
}
