package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.StaleVersionException;

final class StaleProfile {
    private StaleProfile() {
    }

    static StaleVersionException withId(UserId id) {
        return new StaleVersionException("User '" + id + "' has changed since the version in If-Match; read it again.");
    }
}
