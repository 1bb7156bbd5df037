package dev.serverlessapis.domain.shared;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, as the adapters learned it from a verified token: nobody in particular, or a signed-in person with a
 * handle and the groups they belong to. Each API's access rules take this value and decide; the domain never sees a
 * token.
 */
public sealed interface Caller permits Caller.Anonymous, Caller.SignedIn {
    /** Membership of this group is what makes someone an admin. */
    String ADMINS = "admins";

    static Caller anonymous() {
        return new Anonymous();
    }

    static Caller signedIn(String handle, Collection<String> groups) {
        return new SignedIn(handle, Set.copyOf(groups));
    }

    /**
     * The person a verified sign-in names; one that names nobody (no handle, or a credential that is not a sign-in of
     * a person, such as an access token) is refused as {@link UnauthenticatedException}.
     */
    static Caller identified(Optional<String> handle, Collection<String> groups) {
        if (handle.isEmpty() || handle.get().isBlank()) {
            throw new UnauthenticatedException("The sign-in names no person; sign in again with an ID token of this API's user pool.");
        }
        return signedIn(handle.get(), groups);
    }

    /** The signed-in person, or {@link UnauthenticatedException} naming what needed a sign-in. */
    default SignedIn requireSignedIn(String toDoWhat) {
        if (this instanceof SignedIn person) {
            return person;
        }
        throw new UnauthenticatedException("Sign in to " + toDoWhat + ".");
    }

    /** A signed-in admin, or {@link UnauthenticatedException} / {@link ForbiddenException} as the case may be. */
    default SignedIn requireAdmin(String toDoWhat) {
        var person = requireSignedIn(toDoWhat);
        if (!person.isAdmin()) {
            throw new ForbiddenException("Only members of '" + ADMINS + "' may " + toDoWhat + ".");
        }
        return person;
    }

    record Anonymous() implements Caller {
    }

    /** A handle is what the person is known by here: chirps are posted under it and profiles are owned by it. */
    record SignedIn(String handle, Set<String> groups) implements Caller {
        public SignedIn {
            if (handle == null || handle.isBlank() || UnicodeText.hasControlCharacter(handle)) {
                throw new IllegalArgumentException("a signed-in caller has a non-blank handle without control characters");
            }
            groups = Set.copyOf(groups);
        }

        public boolean isAdmin() {
            return groups.contains(ADMINS);
        }
    }
}
