package dev.serverlessapis.domain.shared;

/** The request needs to know who is asking, and nobody signed in. */
public final class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
