package dev.serverlessapis.domain.user;

/**
 * The handle of the person who created a profile. Kept beside the profile by the store, never inside its body, so a
 * client can neither read nor forge it.
 */
public record ProfileOwner(String handle) {
    public ProfileOwner {
        if (handle == null || handle.isBlank()) {
            throw new IllegalArgumentException("a profile's owner has a non-blank handle");
        }
    }
}
