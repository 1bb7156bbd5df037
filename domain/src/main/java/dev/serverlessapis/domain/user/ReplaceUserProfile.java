package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.DomainEvents;
import dev.serverlessapis.domain.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces a whole profile. Without {@code If-Match} the replace applies to whatever version is current, deciding again
 * if a concurrent write slips in; with it, the write happens only while the named version is current. Only the
 * profile's owner or an admin may replace it, and that is decided before {@code If-Match}, so nobody else can probe
 * a profile's version with 412s.
 */
public final class ReplaceUserProfile {
    private final UserProfiles profiles;
    private final DomainEvents events;

    public ReplaceUserProfile(UserProfiles profiles, DomainEvents events) {
        this.profiles = profiles;
        this.events = events;
    }

    public StoredProfile replace(Command command) {
        var id = command.replacement().id();
        return OptimisticRetry.until(() -> {
            var current = profiles.find(id).orElseThrow(() -> UserNotFound.withId(id));
            ProfileAccess.requireOwnerOrAdmin(command.writer(), id, current.owner());
            if (command.ifMatch().isPresent() && !command.ifMatch().get().matches(current.version())) {
                throw StaleProfile.withId(id);
            }
            return switch (profiles.replace(current, command.replacement())) {
                case UserProfiles.Replaced replaced -> Optional.of(replaced.stored());
                case UserProfiles.EmailTaken taken -> throw EmailTakenConflict.of(command.replacement().email().orElseThrow(), events);
                case UserProfiles.Changed changed -> {
                    if (command.ifMatch().isPresent()) {
                        throw StaleProfile.withId(id);
                    }
                    yield Optional.empty();
                }
            };
        }, () -> "user " + id + " kept changing during the replace");
    }

    public record Command(Caller.SignedIn writer, UserProfile replacement, Optional<IfMatch> ifMatch) {
        public Command {
            Objects.requireNonNull(writer, "writer");
            Objects.requireNonNull(replacement, "replacement");
            Objects.requireNonNull(ifMatch, "ifMatch");
        }

        /**
         * The id comes from the path; the body may repeat it but not name another. A body that repeats it is stored
         * in its own member order, as a create's is; only a body without it gets the id put first. A sign-in is
         * required before anything else is looked at.
         */
        public static Command of(Caller caller, String pathId, Map<String, Object> body, Optional<IfMatch> ifMatch) {
            var writer = ProfileAccess.signedIn(caller, "replace a profile");
            var id = new UserId(pathId);
            if (body.containsKey(UserProfile.ID) && !Objects.equals(body.get(UserProfile.ID), id.value())) {
                throw InvalidInputException.of(UserProfile.ID, "must be the id in the path, or be left out");
            }
            var members = new LinkedHashMap<String, Object>();
            if (!body.containsKey(UserProfile.ID)) {
                members.put(UserProfile.ID, id.value());
            }
            members.putAll(body);
            return new Command(writer, UserProfile.of(members), ifMatch);
        }
    }
}
