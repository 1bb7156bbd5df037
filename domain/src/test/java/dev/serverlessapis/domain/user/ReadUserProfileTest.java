package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

class ReadUserProfileTest {
    private final UserProfile ada = aProfile().with("langs", java.util.List.of("en", "fr")).build();
    private final ReadUserProfile readUserProfile = new ReadUserProfile(new InMemoryUserProfiles().with(ada));

    @Test
    void readsTheStoredProfileAndItsVersion() {
        var stored = readUserProfile.read(ReadUserProfile.Query.of(ADMIN, "ada"));

        assertThat(stored.profile()).isEqualTo(ada);
        assertThat(stored.version()).isEqualTo(Version.first(Incarnation.UNNAMED));
    }

    @Test
    void aMissingProfileIsNotFound() {
        assertThatThrownBy(() -> readUserProfile.read(ReadUserProfile.Query.of(ADMIN, "nobody")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nobody");
    }
}
