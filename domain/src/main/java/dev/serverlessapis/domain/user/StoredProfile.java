package dev.serverlessapis.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * A profile as stored, with the version it has there and who owns it. The owner is kept beside the profile, never
 * in it; a profile stored before ownership was kept has none, and is then the admins' alone. A replace keeps the
 * profile's {@link Incarnation}; only a delete ends it, and a create starts a new one.
 */
public record StoredProfile(UserProfile profile, Version version, Optional<ProfileOwner> owner) {
    public StoredProfile {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(owner, "owner");
    }

    public UserId id() {
        return profile.id();
    }

    /** The same profile's next version, replaced by {@code replacement}; ownership does not change with a replace, nor does the incarnation. */
    public StoredProfile replacedBy(UserProfile replacement) {
        return new StoredProfile(replacement, version.next(), owner);
    }
}
