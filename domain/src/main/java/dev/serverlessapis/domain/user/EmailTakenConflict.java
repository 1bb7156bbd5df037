package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.ConflictException;
import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.DomainEvents;

/** The one answer to a create or replace whose email another profile holds; it is counted as it is made. */
final class EmailTakenConflict {
    private EmailTakenConflict() {
    }

    static ConflictException of(Email email, DomainEvents events) {
        events.occurred(DomainEvent.EMAIL_CONFLICT);
        return new ConflictException("Another user already has the email '" + email.value() + "'.");
    }
}
