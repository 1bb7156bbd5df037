package dev.serverlessapis.domain.user;

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
}
