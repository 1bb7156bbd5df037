package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Caller;
import java.util.Objects;

/** Reads one profile as currently stored, for its owner or an admin; to anyone else it does not exist. */
public final class ReadUserProfile {
    private final UserProfiles profiles;

    public ReadUserProfile(UserProfiles profiles) {
        this.profiles = profiles;
    }

    public StoredProfile read(Query query) {
        var stored = profiles.find(query.id()).orElseThrow(() -> UserNotFound.withId(query.id()));
        ProfileAccess.requireOwnerOrAdmin(query.reader(), query.id(), stored.owner());
        return stored;
    }

    public record Query(Caller.SignedIn reader, UserId id) {
        public Query {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(id, "id");
        }

        /** A sign-in is required before anything, so whether an id exists is told only to someone signed in. */
        public static Query of(Caller caller, String id) {
            var reader = ProfileAccess.signedIn(caller, "read a profile");
            return new Query(reader, new UserId(id));
        }
    }
}
