package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Replace and delete share one retry policy for losing a race: against a profile that another writer changes before
 * every one of their writes, both decide again exactly {@value OptimisticRetry#ATTEMPTS} times, then say "try again".
 */
class OptimisticRetryTest {
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles().with(aProfile().build());
    private final AtomicInteger concurrentWrites = new AtomicInteger();

    @Test
    void aReplaceThatLosesEveryRaceGivesUpAfterTheAttemptsAsTemporarilyUnavailable() {
        changeBeforeEveryWrite();
        var replace = new ReplaceUserProfile(profiles, event -> { });

        assertThatThrownBy(() -> replace.replace(ReplaceUserProfile.Command.of(ADMIN, "ada", Map.of("name", "mine"), Optional.empty())))
                .isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("user ada kept changing during the replace");
        assertThat(concurrentWrites).hasValue(OptimisticRetry.ATTEMPTS);
    }

    @Test
    void aDeleteThatLosesEveryRaceGivesUpAfterTheSameAttempts() {
        changeBeforeEveryWrite();
        var delete = new DeleteUserProfile(profiles);

        assertThatThrownBy(() -> delete.delete(DeleteUserProfile.Command.of(ADMIN, "ada")))
                .isInstanceOf(TemporarilyUnavailableException.class)
                .hasMessage("user ada kept changing during the delete");
        assertThat(concurrentWrites).hasValue(OptimisticRetry.ATTEMPTS);
        assertThat(profiles.find(new UserId("ada"))).isPresent();
    }

    private void changeBeforeEveryWrite() {
        profiles.beforeNextWrite(new Runnable() {
            @Override
            public void run() {
                var current = profiles.find(new UserId("ada")).orElseThrow();
                assertThat(profiles.replace(current, aProfile().withName("other " + concurrentWrites.incrementAndGet()).build()))
                        .isInstanceOf(UserProfiles.Replaced.class);
                profiles.beforeNextWrite(this);
            }
        });
    }
}
