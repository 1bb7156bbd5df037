package dev.serverlessapis.domain.shared;

/** A conditional write named a version that is no longer the current one. */
public final class StaleVersionException extends DomainException {
    public StaleVersionException(String message) {
        super(message);
    }
}
