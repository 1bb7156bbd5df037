package dev.serverlessapis.domain.shared;

/** The caller is known, and this is not theirs to do. */
public final class ForbiddenException extends DomainException {
    public ForbiddenException(String message) {
        super(message);
    }
}
