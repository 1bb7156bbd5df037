package dev.serverlessapis.domain.chirp;

/** A stored chirp. {@code timestamp} is epoch milliseconds, assigned by the server and unique per user. */
public record Chirp(UserId userId, long timestamp, ChirpText text) {
    public Chirp {
        if (timestamp < 0) {
            throw new IllegalArgumentException("a chirp's timestamp is never before 1970, got " + timestamp);
        }
    }
}
