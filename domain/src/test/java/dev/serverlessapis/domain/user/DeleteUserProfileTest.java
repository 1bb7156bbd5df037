package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.NotFoundException;
import dev.serverlessapis.domain.shared.StaleVersionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeleteUserProfileTest {
    /** A request with all the time it could want: only the use case's own budget bounds it. */
    private static final Deadline UNHURRIED = Deadline.in(Duration.ofHours(1), Clock.systemUTC());
    private final UserProfile ada = aProfile().withEmail("ada@example.com").build();
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles().with(ada, aProfile().withId("bob").build());
    private final DeleteUserProfile deleteUserProfile = new DeleteUserProfile(profiles);
    private final Version first = profiles.find(ada.id()).orElseThrow().version();

    @Test
    void answersTheDeletedProfileAndFreesItsEmail() {
        assertThat(deleteUserProfile.delete(DeleteUserProfile.Command.of(ADMIN, "ada"))).isEqualTo(ada);

        assertThat(profiles.find(ada.id())).isEmpty();
        assertThat(profiles.create(aProfile().withId("new").withEmail("ADA@example.com").build(), new ProfileOwner("root"))).isInstanceOf(UserProfiles.Created.class);
    }

    @Test
    void answersTheVersionItReallyDeletedWhenAWriteSlipsIn() {
        var replace = new ReplaceUserProfile(profiles, event -> { });
        profiles.beforeNextWrite(() -> replace.replace(ReplaceUserProfile.Command.of(ADMIN, "ada", Map.of("name", "newer"), Optional.empty())));

        var deleted = deleteUserProfile.delete(DeleteUserProfile.Command.of(ADMIN, "ada"));

        assertThat(deleted.members()).containsEntry("name", "newer");
    }

    @Test
    void ifMatchDeletesOnlyTheVersionItNames() {
        var stale = DeleteUserProfile.Command.of(ADMIN, "ada", Optional.of(IfMatch.anyOf(Set.of(first.next()))));
        assertThatThrownBy(() -> deleteUserProfile.delete(stale)).isInstanceOf(StaleVersionException.class);
        assertThat(profiles.find(ada.id())).isPresent();

        var current = DeleteUserProfile.Command.of(ADMIN, "ada", Optional.of(IfMatch.anyOf(Set.of(first))));
        assertThat(deleteUserProfile.delete(current)).isEqualTo(ada);
        assertThat(profiles.find(ada.id())).isEmpty();
    }

    @Test
    void ifMatchFailsWhenAWriteSlipsInBetweenTheReadAndTheDelete() {
        var replace = new ReplaceUserProfile(profiles, event -> { });
        profiles.beforeNextWrite(() -> replace.replace(ReplaceUserProfile.Command.of(ADMIN, "ada", Map.of("name", "newer"), Optional.empty())));

        var command = DeleteUserProfile.Command.of(ADMIN, "ada", Optional.of(IfMatch.anyOf(Set.of(first))));

        assertThatThrownBy(() -> deleteUserProfile.delete(command)).isInstanceOf(StaleVersionException.class);
        assertThat(profiles.find(ada.id()).orElseThrow().profile().members()).containsEntry("name", "newer");
    }

    @Test
    void aMissingProfileIsNotFound() {
        assertThatThrownBy(() -> deleteUserProfile.delete(DeleteUserProfile.Command.of(ADMIN, "nobody"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteAllAnswersHowManyProfilesThereWere() {
        var deleteAll = new DeleteAllUserProfiles(profiles, Clock.systemUTC(), Duration.ofSeconds(5));

        assertThat(deleteAll.deleteAll(DeleteAllUserProfiles.Command.of(ADMIN, UNHURRIED))).isEqualTo(new UserProfiles.Sweep(2, false));
        assertThat(deleteAll.deleteAll(DeleteAllUserProfiles.Command.of(ADMIN, UNHURRIED))).isEqualTo(new UserProfiles.Sweep(0, false));
    }

    @Test
    void deleteAllStopsAtItsTimeBudgetAfterProgressAndSaysMoreRemain() {
        var deleteAll = new DeleteAllUserProfiles(profiles, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ZERO);

        assertThat(deleteAll.deleteAll(DeleteAllUserProfiles.Command.of(ADMIN, UNHURRIED))).isEqualTo(new UserProfiles.Sweep(1, true));
        assertThat(deleteAll.deleteAll(DeleteAllUserProfiles.Command.of(ADMIN, UNHURRIED))).isEqualTo(new UserProfiles.Sweep(1, false));
    }

    /**
     * A request that must answer before the use case's own budget is up (a short function timeout, a slow store) bounds
     * the batch instead: the call still makes progress, then says more remain rather than running past its answer.
     */
    @Test
    void deleteAllStopsWhenTheRequestMustAnswerBeforeItsOwnBudgetIsUp() {
        var deleteAll = new DeleteAllUserProfiles(profiles, Clock.systemUTC(), Duration.ofHours(1));
        var answerNow = new Deadline(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Instant.EPOCH);

        assertThat(deleteAll.deleteAll(DeleteAllUserProfiles.Command.of(ADMIN, answerNow))).isEqualTo(new UserProfiles.Sweep(1, true));
        assertThat(deleteAll.deleteAll(DeleteAllUserProfiles.Command.of(ADMIN, answerNow))).isEqualTo(new UserProfiles.Sweep(1, false));
    }
}
