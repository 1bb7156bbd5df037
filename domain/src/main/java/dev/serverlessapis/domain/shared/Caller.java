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
     * The person a verified sign-in names; one that names nobody (no handle, one that shows nothing or holds a control
     * character, or a credential that is not a sign-in of a person, such as an access token) is refused as
     * {@link UnauthenticatedException}. The issuer is trusted to say who signed in, not to keep to our idea of a
     * handle: a claim it lets through is refused here, as a sign-in, rather than failing {@link SignedIn}'s check.
     */
    static Caller identified(Optional<String> handle, Collection<String> groups) {
        if (handle.isEmpty() || !SignedIn.isHandle(handle.get())) {
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
            if (handle == null || !isHandle(handle)) {
                throw new IllegalArgumentException("a signed-in caller has a non-blank handle without control characters");
            }
            groups = Set.copyOf(groups);
        }

        /** Shows something ({@link UnicodeText#isBlank}: no-break or zero-width spaces alone name nobody), no control character. */
        static boolean isHandle(String handle) {
            return !UnicodeText.isBlank(handle) && !UnicodeText.hasControlCharacter(handle);
        }

        public boolean isAdmin() {
            return groups.contains(ADMINS);
        }
    }
}
