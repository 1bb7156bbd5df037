package dev.serverlessapis.domain.shared;

/** The store is throttling or briefly unreachable; the same request may succeed if retried later. */
public final class TemporarilyUnavailableException extends DomainException {
    public TemporarilyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
