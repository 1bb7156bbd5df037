package dev.serverlessapis.domain.user;

/** Reads one profile as currently stored. */
public final class ReadUserProfile {
    private final UserProfiles profiles;

    public ReadUserProfile(UserProfiles profiles) {
        this.profiles = profiles;
    }

    public StoredProfile read(Query query) {
        return profiles.find(query.id()).orElseThrow(() -> UserNotFound.withId(query.id()));
    }

    public record Query(UserId id) {
        public static Query of(String id) {
            return new Query(new UserId(id));
        }
    }
}
