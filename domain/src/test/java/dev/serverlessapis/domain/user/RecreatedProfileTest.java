package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.StaleVersionException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A profile deleted and created again under the same id is another profile: a version read from the first never
 * lets a conditional write reach the second, or If-Match would not prevent the lost update it exists for.
 */
class RecreatedProfileTest {
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles();
    private final CreateUserProfile create = new CreateUserProfile(profiles, event -> { });
    private final ReplaceUserProfile replace = new ReplaceUserProfile(profiles, event -> { });
    private final DeleteUserProfile delete = new DeleteUserProfile(profiles);

    @Test
    void aVersionOfTheDeletedProfileDoesNotReplaceItsSuccessor() {
        var first = recreated();

        assertThatThrownBy(() -> replace.replace(ReplaceUserProfile.Command.of(ADMIN, "ada", Map.of("name", "lost update"), first)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(profiles.find(new UserId("ada")).orElseThrow().profile().members()).containsEntry("name", "second");
    }

    @Test
    void aVersionOfTheDeletedProfileDoesNotDeleteItsSuccessor() {
        var first = recreated();

        assertThatThrownBy(() -> delete.delete(DeleteUserProfile.Command.of(ADMIN, "ada", first))).isInstanceOf(StaleVersionException.class);
        assertThat(profiles.find(new UserId("ada"))).isPresent();
    }

    @Test
    void theSuccessorsOwnVersionStillApplies() {
        recreated();
        var current = profiles.find(new UserId("ada")).orElseThrow().version();

        var replaced = replace.replace(ReplaceUserProfile.Command.of(ADMIN, "ada", Map.of("name", "third"), Optional.of(IfMatch.anyOf(Set.of(current)))));

        assertThat(replaced.profile().members()).containsEntry("name", "third");
    }

    /** Creates "ada", reads her version, deletes her and creates "ada" again; answers the If-Match of the first. */
    private Optional<IfMatch> recreated() {
        var first = create.create(CreateUserProfile.Command.of(ADMIN, Map.of("id", "ada", "name", "first"))).version();
        delete.delete(DeleteUserProfile.Command.of(ADMIN, "ada"));
        create.create(CreateUserProfile.Command.of(ADMIN, Map.of("id", "ada", "name", "second")));
        return Optional.of(IfMatch.anyOf(Set.of(first)));
    }
}
