package dev.serverlessapis.domain.shared;

/** The request clashes with the current state: an id or a unique value is already taken. */
public final class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
