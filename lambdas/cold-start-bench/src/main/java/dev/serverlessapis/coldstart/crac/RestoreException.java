package dev.serverlessapis.coldstart.crac;

/** An after-restore hook failed. */
public final class RestoreException extends Exception {
    RestoreException(Throwable cause) {
        super(cause);
    }
}
