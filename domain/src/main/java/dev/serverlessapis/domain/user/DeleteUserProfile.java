package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import java.util.Objects;
import java.util.Optional;

/**
 * Deletes one profile, freeing its email, and answers the profile as it was when deleted. Without {@code If-Match}
 * whatever version is current goes; with it, only the named version, as for a replace: a write that slips in makes
 * the next look see another version (412) or no profile (404).
 */
public final class DeleteUserProfile {
    private final UserProfiles profiles;

    public DeleteUserProfile(UserProfiles profiles) {
        this.profiles = profiles;
    }

    public UserProfile delete(Command command) {
        for (int attempt = 1; attempt <= ReplaceUserProfile.ATTEMPTS; attempt++) {
            var current = profiles.find(command.id()).orElseThrow(() -> UserNotFound.withId(command.id()));
            if (command.ifMatch().isPresent() && !command.ifMatch().get().matches(current.version())) {
                throw StaleProfile.withId(command.id());
            }
            if (profiles.delete(current) instanceof UserProfiles.Deleted) {
                return current.profile();
            }
        }
        throw new TemporarilyUnavailableException("user " + command.id() + " kept changing during the delete", null);
    }

    public record Command(UserId id, Optional<IfMatch> ifMatch) {
        public Command {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ifMatch, "ifMatch");
        }

        public static Command of(String id) {
            return of(id, Optional.empty());
        }

        public static Command of(String id, Optional<IfMatch> ifMatch) {
            return new Command(new UserId(id), ifMatch);
        }
    }
}
