package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.NotFoundException;

final class UserNotFound {
    private UserNotFound() {
    }

    static NotFoundException withId(UserId id) {
        return new NotFoundException("There is no user with id '" + id + "'.");
    }
}
