package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.ConflictException;
import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.DomainEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Stores a new profile, owned by whoever created it, with a generated id when the client sent none. */
public final class CreateUserProfile {
    private final UserProfiles profiles;
    private final DomainEvents events;

    public CreateUserProfile(UserProfiles profiles, DomainEvents events) {
        this.profiles = profiles;
        this.events = events;
    }

    public StoredProfile create(Command command) {
        var profile = command.profile();
        return switch (profiles.create(profile, command.owner())) {
            case UserProfiles.Created created -> {
                events.occurred(DomainEvent.PROFILE_CREATED);
                yield created.stored();
            }
            case UserProfiles.IdTaken taken -> throw new ConflictException("A user with id '" + profile.id() + "' already exists.");
            case UserProfiles.EmailTaken taken -> throw EmailTakenConflict.of(profile.email().orElseThrow(), events);
        };
    }

    public record Command(UserProfile profile, ProfileOwner owner) {
        public Command {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(owner, "owner");
        }

        /**
         * The client's object, owned by the caller ({@link ProfileAccess#ownerOfNewProfile}, checked first); without
         * an {@code id} member, a generated one is put first.
         */
        public static Command of(Caller caller, Map<String, Object> body) {
            var owner = ProfileAccess.ownerOfNewProfile(caller);
            if (body.containsKey(UserProfile.ID)) {
                return new Command(UserProfile.of(body), owner);
            }
            var members = new LinkedHashMap<String, Object>();
            members.put(UserProfile.ID, UserId.generate().value());
            members.putAll(body);
            return new Command(UserProfile.of(members), owner);
        }
    }
}
