package dev.serverlessapis.coldstart.crac;

/** A before-checkpoint hook failed. */
public final class CheckpointException extends Exception {
    CheckpointException(Throwable cause) {
        super(cause);
    }
}
