package dev.serverlessapis.domain.chirp;

import static dev.serverlessapis.domain.shared.Callers.ANONYMOUS;
import static dev.serverlessapis.domain.shared.Callers.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.serverlessapis.domain.shared.ForbiddenException;
import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.UnauthenticatedException;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.shared.RecordedDomainEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostChirpTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123Z");

    private final InMemoryChirps chirps = new InMemoryChirps();
    private final RecordedDomainEvents events = new RecordedDomainEvents();
    private final PostChirp postChirp = new PostChirp(chirps, Clock.fixed(NOW, ZoneOffset.UTC), events);

    @Test
    void aChirpIsStampedWithTheServersClock() {
        var chirp = postChirp.post(PostChirp.Command.of(person("ada"), Map.of("text", "hello")));

        assertThat(chirp).isEqualTo(new Chirp(new UserId("ada"), NOW.toEpochMilli(), new ChirpText("hello")));
        assertThat(events.all()).containsExactly(DomainEvent.CHIRP_POSTED);
    }

    @Test
    void twoChirpsOfOneUserInOneMillisecondBothSurviveOnNeighbouringTimestamps() {
        var first = postChirp.post(PostChirp.Command.of(person("ada"), Map.of("text", "one")));
        var second = postChirp.post(PostChirp.Command.of(person("ada"), Map.of("text", "two")));
        var other = postChirp.post(PostChirp.Command.of(person("bob"), Map.of("text", "mine")));

        assertThat(second.timestamp()).isEqualTo(first.timestamp() + 1);
        assertThat(other.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(chirps.byUser(new UserId("ada"), new PageRequest(10, Optional.empty())).items()).containsExactly(second, first);
    }

    @Test
    void anInvalidTextIsReportedAndNothingIsStored() {
        assertThatThrownBy(() -> postChirp.post(PostChirp.Command.of(person("ada"), Map.of("text", " "))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting("field").containsExactly("text"));
        assertThat(chirps.everyone(new PageRequest(10, Optional.empty())).items()).isEmpty();
    }

    @Test
    void theChirpIsPostedUnderTheCallersHandleWhichTheBodyMayRepeat() {
        var chirp = postChirp.post(PostChirp.Command.of(person("ada"), Map.of("userId", "ada", "text", "hello")));

        assertThat(chirp.userId()).isEqualTo(new UserId("ada"));
    }

    @Test
    void nobodySignedInAndSomebodyElsesHandleAreRefusedBeforeTheTextIsLookedAt() {
        assertThatThrownBy(() -> PostChirp.Command.of(ANONYMOUS, Map.of("text", " ")))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), Map.of("userId", "bob", "text", " ")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(chirps.everyone(new PageRequest(10, Optional.empty())).items()).isEmpty();
        assertThat(events.all()).as("nothing was posted").isEmpty();
    }

    @Test
    void everyMemberOfTheWrongTypeOrNotPartOfAChirpIsReportedAtOnce() {
        var body = new LinkedHashMap<String, Object>();
        body.put("userId", 7);
        body.put("text", List.of("hello"));
        body.put("timestamp", 1);
        body.put("likes", null);

        assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), body))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field").containsExactly("likes", "timestamp", "userId", "text"));
    }

    @Test
    void aTextOfTheWrongLengthIsReportedBesideAnUnknownMemberAndAMissingTextIsInvalid() {
        assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), Map.of("text", "   ", "timestamp", 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field").containsExactly("timestamp", "text"));
        assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field").containsExactly("text"));
    }

    @Test
    void aNullTextIsRefusedNamingIt() {
        var body = new LinkedHashMap<String, Object>();
        body.put("text", null);

        assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), body))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "message").containsExactly(tuple("text", "is required: a string of 1 to 280 characters")));
    }

    /** Left out or null, the text is missing, not of a wrong length: the message says so instead of quoting the length rule alone. */
    @Test
    void aMissingTextIsReportedAsRequired() {
        assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), Map.of("userId", "ada")))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "message").containsExactly(tuple("text", "is required: a string of 1 to 280 characters")));
    }

    @Test
    void aNullUserIdIsLeftOutAndTheCallersHandleIsUsed() {
        var body = new LinkedHashMap<String, Object>();
        body.put("userId", null);
        body.put("text", "hello");

        assertThat(PostChirp.Command.of(person("ada"), body).userId()).isEqualTo(new UserId("ada"));
    }

    /** A userId no handle can be (empty, too long, a character handles never hold) names nobody: it is input to fix. */
    @Test
    void aUserIdNoHandleCanBeIsInvalidInputReportedBesideTheRestNotSomebodyElses() {
        for (var nobody : new String[] {"", "ada!", "a".repeat(65), " ada"}) {
            assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), Map.of("userId", nobody, "text", "hello")))
                    .as("'%s'", nobody)
                    .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                            .extracting("field").containsExactly("userId"));
        }
        assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), Map.of("userId", "", "text", " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field").containsExactly("userId", "text"));
        assertThatThrownBy(() -> PostChirp.Command.of(ANONYMOUS, Map.of("userId", "", "text", "hello")))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void nobodySignedInIsRefusedBeforeTheBodyIsLookedAtAndSomebodyElsesHandleBeforeTheRestOfIt() {
        assertThatThrownBy(() -> PostChirp.Command.of(ANONYMOUS, Map.of("text", 42, "timestamp", 1)))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> PostChirp.Command.of(person("ada"), Map.of("userId", "bob", "text", 42)))
                .isInstanceOf(ForbiddenException.class);
    }
}
