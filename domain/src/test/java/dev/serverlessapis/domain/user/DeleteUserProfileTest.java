package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.NotFoundException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeleteUserProfileTest {
    private final UserProfile ada = aProfile().withEmail("ada@example.com").build();
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles().with(ada, aProfile().withId("bob").build());
    private final DeleteUserProfile deleteUserProfile = new DeleteUserProfile(profiles);

    @Test
    void answersTheDeletedProfileAndFreesItsEmail() {
        assertThat(deleteUserProfile.delete(DeleteUserProfile.Command.of("ada"))).isEqualTo(ada);

        assertThat(profiles.find(ada.id())).isEmpty();
        assertThat(profiles.create(aProfile().withId("new").withEmail("ADA@example.com").build())).isInstanceOf(UserProfiles.Created.class);
    }

    @Test
    void answersTheVersionItReallyDeletedWhenAWriteSlipsIn() {
        var replace = new ReplaceUserProfile(profiles, event -> { });
        profiles.beforeNextWrite(() -> replace.replace(ReplaceUserProfile.Command.of("ada", Map.of("name", "newer"), Optional.empty())));

        var deleted = deleteUserProfile.delete(DeleteUserProfile.Command.of("ada"));

        assertThat(deleted.members()).containsEntry("name", "newer");
    }

    @Test
    void aMissingProfileIsNotFound() {
        assertThatThrownBy(() -> deleteUserProfile.delete(DeleteUserProfile.Command.of("nobody"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteAllAnswersHowManyProfilesThereWere() {
        var deleteAll = new DeleteAllUserProfiles(profiles);

        assertThat(deleteAll.deleteAll()).isEqualTo(2);
        assertThat(deleteAll.deleteAll()).isZero();
    }
}
