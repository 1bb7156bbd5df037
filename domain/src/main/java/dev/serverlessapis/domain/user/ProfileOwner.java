package dev.serverlessapis.domain.user;

import java.util.Optional;

/**
 * The handle of the person who created a profile. Kept beside the profile by the store, never inside its body, so a
 * client can neither read nor forge it.
 *
 * <p>Only what is no handle at all is refused here, with {@link String#isBlank}: the rule of a handle is
 * {@link dev.serverlessapis.domain.shared.Caller.SignedIn}'s, applied as the token is read, and an owner is also read
 * back from the store, where one stored under an earlier rule must stay readable rather than fail every read.
 */
public record ProfileOwner(String handle) {
    public ProfileOwner {
        if (handle == null || handle.isBlank()) {
            throw new IllegalArgumentException("a profile's owner has a non-blank handle");
        }
    }

    /**
     * The owner as the store holds it: none when there is no handle, which the API never writes but a hand edit or
     * another tool can; such a profile is then one created before ownership was kept, its admins' alone, rather than
     * one that fails every read and list that meets it.
     */
    public static Optional<ProfileOwner> stored(String handle) {
        return handle == null || handle.isBlank() ? Optional.empty() : Optional.of(new ProfileOwner(handle));
    }
}
