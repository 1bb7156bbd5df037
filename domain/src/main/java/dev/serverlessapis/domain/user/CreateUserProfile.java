package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.ConflictException;
import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.DomainEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a new profile, with a generated id when the client sent none. */
public final class CreateUserProfile {
    private final UserProfiles profiles;
    private final DomainEvents events;

    public CreateUserProfile(UserProfiles profiles, DomainEvents events) {
        this.profiles = profiles;
        this.events = events;
    }

    public StoredProfile create(Command command) {
        var profile = command.profile();
        return switch (profiles.create(profile)) {
            case UserProfiles.Created created -> {
                events.occurred(DomainEvent.PROFILE_CREATED);
                yield created.stored();
            }
            case UserProfiles.IdTaken taken -> throw new ConflictException("A user with id '" + profile.id() + "' already exists.");
            case UserProfiles.EmailTaken taken -> throw EmailTakenConflict.of(profile.email().orElseThrow(), events);
        };
    }

    public record Command(UserProfile profile) {
        /** The client's object; without an {@code id} member, a generated one is put first. */
        public static Command of(Map<String, Object> body) {
            if (body.containsKey(UserProfile.ID)) {
                return new Command(UserProfile.of(body));
            }
            var members = new LinkedHashMap<String, Object>();
            members.put(UserProfile.ID, UserId.generate().value());
            members.putAll(body);
            return new Command(UserProfile.of(members));
        }
    }
}
