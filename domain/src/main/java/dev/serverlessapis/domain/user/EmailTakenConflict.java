package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.ConflictException;

final class EmailTakenConflict {
    private EmailTakenConflict() {
    }

    static ConflictException of(Email email) {
        return new ConflictException("Another user already has the email '" + email.value() + "'.");
    }
}
