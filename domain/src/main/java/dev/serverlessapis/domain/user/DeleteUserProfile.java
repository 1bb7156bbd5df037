package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * Deletes one profile, freeing its email, and answers the profile as it was when deleted. Without {@code If-Match}
 * whatever version is current goes; with it, only the named version, as for a replace: a write that slips in makes
 * the next look see another version (412) or no profile (404). Only its owner or an admin may delete it; to anyone
 * else it does not exist, whatever {@code If-Match} says.
 */
public final class DeleteUserProfile {
    private final UserProfiles profiles;

    public DeleteUserProfile(UserProfiles profiles) {
        this.profiles = profiles;
    }

    public UserProfile delete(Command command) {
        return OptimisticRetry.until(() -> {
            var current = profiles.find(command.id()).orElseThrow(() -> UserNotFound.withId(command.id()));
            ProfileAccess.requireOwnerOrAdmin(command.deleter(), command.id(), current.owner());
            if (command.ifMatch().isPresent() && !command.ifMatch().get().matches(current.version())) {
                throw StaleProfile.withId(command.id());
            }
            return profiles.delete(current) instanceof UserProfiles.Deleted ? Optional.of(current.profile()) : Optional.empty();
        }, () -> "user " + command.id() + " kept changing during the delete");
    }

    public record Command(Caller.SignedIn deleter, UserId id, Optional<IfMatch> ifMatch) {
        public Command {
            Objects.requireNonNull(deleter, "deleter");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ifMatch, "ifMatch");
        }

        public static Command of(Caller caller, String id) {
            return of(caller, id, Optional.empty());
        }

        /** A sign-in is required before the id is looked at; ownership is checked once the profile is found. */
        public static Command of(Caller caller, String id, Optional<IfMatch> ifMatch) {
            var deleter = ProfileAccess.signedIn(caller, "delete a profile");
            return new Command(deleter, new UserId(id), ifMatch);
        }
    }
}
