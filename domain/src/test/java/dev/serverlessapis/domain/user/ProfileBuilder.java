package dev.serverlessapis.domain.user;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test data: a valid profile unless a test says otherwise. */
public final class ProfileBuilder {
    private final Map<String, Object> members = new LinkedHashMap<>();

    private ProfileBuilder() {
    }

    public static ProfileBuilder aProfile() {
        return new ProfileBuilder().withId("ada").withName("Ada Lovelace");
    }

    public ProfileBuilder withId(String id) {
        return with(UserProfile.ID, id);
    }

    public ProfileBuilder withoutId() {
        members.remove(UserProfile.ID);
        return this;
    }

    public ProfileBuilder withEmail(String email) {
        return with(UserProfile.EMAIL, email);
    }

    public ProfileBuilder withName(String name) {
        return with(UserProfile.NAME, name);
    }

    public ProfileBuilder with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    public Map<String, Object> members() {
        return new LinkedHashMap<>(members);
    }

    public UserProfile build() {
        return UserProfile.of(members());
    }
}
