package dev.serverlessapis.domain.shared;

import java.util.Set;

/** Callers for tests: a person by handle, an admin, nobody. */
public final class Callers {
    public static final Caller ANONYMOUS = Caller.anonymous();
    public static final Caller.SignedIn ADMIN = new Caller.SignedIn("root", Set.of(Caller.ADMINS));

    private Callers() {
    }

    public static Caller.SignedIn person(String handle) {
        return new Caller.SignedIn(handle, Set.of());
    }
}
