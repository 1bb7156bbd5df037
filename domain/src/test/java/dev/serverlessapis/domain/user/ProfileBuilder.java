package dev.serverlessapis.domain.user;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test data: a valid profile unless a test says otherwise. */
final class ProfileBuilder {
    private final Map<String, Object> members = new LinkedHashMap<>();

    private ProfileBuilder() {
    }

    static ProfileBuilder aProfile() {
        return new ProfileBuilder().withId("ada").withName("Ada Lovelace");
    }

    ProfileBuilder withId(String id) {
        return with(UserProfile.ID, id);
    }

    ProfileBuilder withoutId() {
        members.remove(UserProfile.ID);
        return this;
    }

    ProfileBuilder withEmail(String email) {
        return with(UserProfile.EMAIL, email);
    }

    ProfileBuilder withName(String name) {
        return with(UserProfile.NAME, name);
    }

    ProfileBuilder with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    Map<String, Object> members() {
        return new LinkedHashMap<>(members);
    }

    UserProfile build() {
        return UserProfile.of(members());
    }
}
