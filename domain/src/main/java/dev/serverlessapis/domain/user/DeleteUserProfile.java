package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;

/** Deletes one profile, freeing its email, and answers the profile as it was when deleted. */
public final class DeleteUserProfile {
    private final UserProfiles profiles;

    public DeleteUserProfile(UserProfiles profiles) {
        this.profiles = profiles;
    }

    public UserProfile delete(Command command) {
        for (int attempt = 1; attempt <= ReplaceUserProfile.ATTEMPTS; attempt++) {
            var current = profiles.find(command.id()).orElseThrow(() -> UserNotFound.withId(command.id()));
            if (profiles.delete(current) instanceof UserProfiles.Deleted) {
                return current.profile();
            }
        }
        throw new TemporarilyUnavailableException("user " + command.id() + " kept changing during the delete", null);
    }

    public record Command(UserId id) {
        public static Command of(String id) {
            return new Command(new UserId(id));
        }
    }
}
