package dev.serverlessapis.domain.shared;

/** The thing asked for does not exist. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }
}
