package dev.serverlessapis.domain.user;

/** A profile as stored, with the version it has there. */
public record StoredProfile(UserProfile profile, Version version) {
    public UserId id() {
        return profile.id();
    }
}
