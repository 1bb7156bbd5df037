package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Caller;
import java.util.Optional;

/**
 * Who may do what with profiles. A profile is its owner's and the admins'; to anyone else signed in it does not
 * exist, so its id reveals nothing (OWASP API1). Listing and searching by email expose everyone's addresses, and
 * deleting all is everyone's data, so those are for admins only.
 */
public final class ProfileAccess {
    private ProfileAccess() {
    }

    /** Whoever creates a profile owns it; creating needs a sign-in. */
    public static ProfileOwner ownerOfNewProfile(Caller caller) {
        return new ProfileOwner(caller.requireSignedIn("create a profile").handle());
    }

    /**
     * The first step of reading, replacing or deleting one profile, taken before it is looked up, so that whether a
     * profile exists is told only to someone signed in.
     */
    public static Caller.SignedIn signedIn(Caller caller, String toDoWhat) {
        return caller.requireSignedIn(toDoWhat);
    }

    /**
     * The second step, once the profile is found: its owner or an admin may go on; anyone else gets the same
     * not-found as for an id nobody uses. A profile stored without an owner (created before ownership was kept) is the
     * admins' alone.
     */
    public static void requireOwnerOrAdmin(Caller.SignedIn person, UserId id, Optional<ProfileOwner> owner) {
        var owns = owner.isPresent() && owner.get().handle().equals(person.handle());
        if (!owns && !person.isAdmin()) {
            throw UserNotFound.withId(id);
        }
    }

    public static void requireMayList(Caller caller) {
        caller.requireAdmin("list every profile");
    }

    public static void requireMayFindByEmail(Caller caller) {
        caller.requireAdmin("find a profile by its email address");
    }

    public static Caller.SignedIn requireMayDeleteAll(Caller caller) {
        return caller.requireAdmin("delete every profile");
    }
}
