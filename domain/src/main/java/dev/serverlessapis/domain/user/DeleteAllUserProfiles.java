package dev.serverlessapis.domain.user;

/** Empties the profiles, freeing every email. */
public final class DeleteAllUserProfiles {
    private final UserProfiles profiles;

    public DeleteAllUserProfiles(UserProfiles profiles) {
        this.profiles = profiles;
    }

    /** How many profiles were deleted. */
    public long deleteAll() {
        return profiles.deleteAll();
    }
}
