package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;

/** Where chirps live. Lists are newest first; their cursors belong to the listing that issued them. */
public interface Chirps {

    /**
     * Stores a chirp at the first millisecond, at or after {@code notBefore}, that its user has not used yet, and
     * answers it as stored. Never replaces a chirp, however many of one user arrive in the same millisecond.
     */
    Chirp add(UserId userId, ChirpText text, long notBefore);

    /** One user's chirps. */
    Page<Chirp> byUser(UserId userId, PageRequest page);

    /** Everyone's chirps. */
    Page<Chirp> everyone(PageRequest page);
}
