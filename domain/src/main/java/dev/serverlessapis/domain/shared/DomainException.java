package dev.serverlessapis.domain.shared;

/**
 * Every failure the domain can name. The HTTP layer maps each subclass to one status; anything else that
 * escapes is a defect and becomes a 500 without detail.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, StaleVersionException,
                TemporarilyUnavailableException, UnauthenticatedException, ForbiddenException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
