package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.ConflictException;
import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.NotFoundException;
import dev.serverlessapis.domain.shared.RecordedDomainEvents;
import dev.serverlessapis.domain.shared.StaleVersionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplaceUserProfileTest {
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles().with(
            aProfile().withEmail("ada@example.com").with("old", true).build(),
            aProfile().withId("bob").withEmail("bob@example.com").build());
    private final RecordedDomainEvents events = new RecordedDomainEvents();
    private final ReplaceUserProfile replaceUserProfile = new ReplaceUserProfile(profiles, events);
    private final Version first = profiles.find(new UserId("ada")).orElseThrow().version();

    @Test
    void replacesTheWholeProfileKeepingThePathsIdAndCountsTheVersion() {
        var stored = replaceUserProfile.replace(command(Map.of("name", "Ada King"), Optional.empty()));

        assertThat(stored.profile().members()).isEqualTo(Map.of("id", "ada", "name", "Ada King"));
        assertThat(stored.version()).isEqualTo(first.next());
        assertThat(profiles.find(new UserId("ada"))).contains(stored);
        assertThat(events.all()).as("a replace is no event of its own").isEmpty();
    }

    @Test
    void theBodyMayRepeatThePathsIdButNotNameAnother() {
        assertThat(replaceUserProfile.replace(command(Map.of("id", "ada"), Optional.empty())).id().value()).isEqualTo("ada");
        assertThatThrownBy(() -> command(Map.of("id", "bob"), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(UserProfileTest.fields(invalid)).containsExactly("id"));
        assertThatThrownBy(() -> command(Map.of("id", 7), Optional.empty())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBodyThatRepeatsTheIdKeepsItsMemberOrderAndOneWithoutItGetsTheIdFirst() {
        var idLast = new LinkedHashMap<String, Object>();
        idLast.put("name", "Ada King");
        idLast.put("id", "ada");
        idLast.put("age", 36);

        var replaced = replaceUserProfile.replace(command(idLast, Optional.empty()));
        var withoutId = command(Map.of("name", "Ada King"), Optional.empty());

        assertThat(replaced.profile().members().keySet()).containsExactly("name", "id", "age");
        assertThat(withoutId.replacement().members().keySet()).containsExactly("id", "name");
    }

    @Test
    void anotherProfilesEmailIsAConflictAndChangesNothing() {
        assertThatThrownBy(() -> replaceUserProfile.replace(command(Map.of("email", "BOB@example.com"), Optional.empty())))
                .isInstanceOf(ConflictException.class);
        assertThat(profiles.find(new UserId("ada")).orElseThrow().version()).isEqualTo(first);
        assertThat(events.all()).containsExactly(DomainEvent.EMAIL_CONFLICT);
    }

    @Test
    void aStaleIfMatchIsRefusedAndAMatchingOneOrStarApplies() {
        assertThatThrownBy(() -> replaceUserProfile.replace(command(Map.of(), Optional.of(IfMatch.anyOf(Set.of(first.next()))))))
                .isInstanceOf(StaleVersionException.class);

        var matched = replaceUserProfile.replace(command(Map.of(), Optional.of(IfMatch.anyOf(Set.of(first, first.next().next())))));
        var star = replaceUserProfile.replace(command(Map.of(), Optional.of(IfMatch.ANY)));

        assertThat(matched.version()).isEqualTo(first.next());
        assertThat(star.version()).isEqualTo(first.next().next());
    }

    @Test
    void aConcurrentWriteMakesAnIfMatchStale() {
        profiles.beforeNextWrite(() -> replaceUserProfile.replace(command(Map.of("name", "concurrent"), Optional.empty())));

        assertThatThrownBy(() -> replaceUserProfile.replace(command(Map.of("name", "mine"), Optional.of(IfMatch.anyOf(Set.of(first))))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(profiles.find(new UserId("ada")).orElseThrow().profile().members()).containsEntry("name", "concurrent");
    }

    @Test
    void withoutIfMatchAConcurrentWriteIsOverwrittenByDecidingAgain() {
        profiles.beforeNextWrite(() -> replaceUserProfile.replace(command(Map.of("name", "concurrent"), Optional.empty())));

        var stored = replaceUserProfile.replace(command(Map.of("name", "mine"), Optional.empty()));

        assertThat(stored.version()).isEqualTo(first.next().next());
        assertThat(stored.profile().members()).containsEntry("name", "mine");
    }

    @Test
    void aMissingProfileIsNotFoundWithOrWithoutIfMatch() {
        assertThatThrownBy(() -> replaceUserProfile.replace(ReplaceUserProfile.Command.of(ADMIN, "nobody", Map.of(), Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> replaceUserProfile.replace(ReplaceUserProfile.Command.of(ADMIN, "nobody", Map.of(), Optional.of(IfMatch.ANY))))
                .isInstanceOf(NotFoundException.class);
    }

    private static ReplaceUserProfile.Command command(Map<String, Object> body, Optional<IfMatch> ifMatch) {
        return ReplaceUserProfile.Command.of(ADMIN, "ada", body, ifMatch);
    }
}
