package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static dev.serverlessapis.domain.shared.Callers.ANONYMOUS;
import static dev.serverlessapis.domain.shared.Callers.person;
import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.ForbiddenException;
import dev.serverlessapis.domain.shared.NotFoundException;
import dev.serverlessapis.domain.shared.UnauthenticatedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table of who may do what with profiles, through the use cases themselves. */
class ProfileUseCasesAccessTest {
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles();
    private final CreateUserProfile create = new CreateUserProfile(profiles, event -> { });
    private final ReadUserProfile read = new ReadUserProfile(profiles);
    private final ReplaceUserProfile replace = new ReplaceUserProfile(profiles, event -> { });
    private final DeleteUserProfile delete = new DeleteUserProfile(profiles);
    private static final Deadline UNHURRIED = Deadline.in(Duration.ofHours(1), Clock.systemUTC());
    private final DeleteAllUserProfiles deleteAll = new DeleteAllUserProfiles(profiles, Clock.systemUTC(), Duration.ofSeconds(5));

    @Test
    void theCreatorOwnsTheProfileBesideItsBodyAndMayReadReplaceAndDeleteIt() {
        var created = create.create(CreateUserProfile.Command.of(person("ada"), aProfile().members()));

        assertThat(created.owner()).contains(new ProfileOwner("ada"));
        assertThat(created.profile().members()).isEqualTo(aProfile().members());
        assertThat(read.read(ReadUserProfile.Query.of(person("ada"), "ada")).profile()).isEqualTo(created.profile());
        var replaced = replace.replace(ReplaceUserProfile.Command.of(person("ada"), "ada", Map.of("name", "Ada K"), Optional.empty()));
        assertThat(replaced.owner()).contains(new ProfileOwner("ada"));
        assertThat(delete.delete(DeleteUserProfile.Command.of(person("ada"), "ada")).members()).containsEntry("name", "Ada K");
    }

    @Test
    void toAnotherPersonTheProfileDoesNotExistEvenWithAStaleIfMatch() {
        create.create(CreateUserProfile.Command.of(person("ada"), aProfile().members()));
        var stale = Optional.of(IfMatch.anyOf(Set.of(new Version(Incarnation.UNNAMED, 9))));

        assertThatThrownBy(() -> read.read(ReadUserProfile.Query.of(person("bob"), "ada"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> replace.replace(ReplaceUserProfile.Command.of(person("bob"), "ada", Map.of(), stale)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> delete.delete(DeleteUserProfile.Command.of(person("bob"), "ada", stale)))
                .isInstanceOf(NotFoundException.class);
        assertThat(profiles.find(new UserId("ada")).orElseThrow().profile().members()).isEqualTo(aProfile().members());
    }

    @Test
    void anAdminMayReadReplaceAndDeleteAnyonesProfileAndItStaysTheOwners() {
        create.create(CreateUserProfile.Command.of(person("ada"), aProfile().members()));

        assertThat(read.read(ReadUserProfile.Query.of(ADMIN, "ada")).id()).isEqualTo(new UserId("ada"));
        assertThat(replace.replace(ReplaceUserProfile.Command.of(ADMIN, "ada", Map.of(), Optional.empty())).owner())
                .contains(new ProfileOwner("ada"));
        delete.delete(DeleteUserProfile.Command.of(ADMIN, "ada"));
        assertThat(profiles.find(new UserId("ada"))).isEmpty();
    }

    @Test
    void aProfileWithoutOwnerIsTheAdminsAlone() {
        profiles.with(aProfile().withId("legacy").build());

        assertThatThrownBy(() -> read.read(ReadUserProfile.Query.of(person("legacy"), "legacy"))).isInstanceOf(NotFoundException.class);
        assertThat(read.read(ReadUserProfile.Query.of(ADMIN, "legacy")).owner()).isEmpty();
    }

    @Test
    void nobodySignedInIsRefusedBeforeAnyIdOrBodyIsLookedAt() {
        assertThatThrownBy(() -> CreateUserProfile.Command.of(ANONYMOUS, Map.of("id", 7))).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> ReadUserProfile.Query.of(ANONYMOUS, "")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> ReplaceUserProfile.Command.of(ANONYMOUS, "", Map.of(), Optional.empty()))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> DeleteUserProfile.Command.of(ANONYMOUS, "")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> ListUserProfiles.Query.of(ANONYMOUS, Optional.empty(), Optional.of("x"), Optional.empty()))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> DeleteAllUserProfiles.Command.of(ANONYMOUS, UNHURRIED)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void listingFindingByEmailAndDeletingAllAreForAdminsOnly() {
        create.create(CreateUserProfile.Command.of(person("ada"), aProfile().withEmail("ada@example.com").members()));

        assertThatThrownBy(() -> ListUserProfiles.Query.of(person("ada"), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ListUserProfiles.Query.of(person("ada"), Optional.of("ada@example.com"), Optional.empty(), Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> DeleteAllUserProfiles.Command.of(person("ada"), UNHURRIED)).isInstanceOf(ForbiddenException.class);
        assertThat(profiles.find(new UserId("ada"))).isPresent();
        assertThat(deleteAll.deleteAll(DeleteAllUserProfiles.Command.of(ADMIN, UNHURRIED)).deleted()).isEqualTo(1);
    }
}
