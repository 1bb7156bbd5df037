package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.ForbiddenException;
import dev.serverlessapis.domain.shared.InvalidInputException;
import java.util.Optional;

/**
 * Who may post under which handle: a signed-in person, under their own handle only. Reading chirps is open to anyone,
 * so it has no rule here.
 */
public final class ChirpAccess {
    private ChirpAccess() {
    }

    /**
     * The handle a chirp of this caller is posted under. The body may name it, or leave it out; naming another handle
     * is a {@link ForbiddenException}, and nobody signed in is an {@code UnauthenticatedException}.
     */
    public static UserId authorOf(Caller caller, Optional<String> claimedUserId) {
        var person = caller.requireSignedIn("post a chirp");
        if (claimedUserId.isPresent() && !claimedUserId.get().equals(person.handle())) {
            throw new ForbiddenException("You are signed in as '" + person.handle() + "' and may post only as yourself,"
                    + " not as '" + claimedUserId.get() + "'; leave userId out or send your own.");
        }
        try {
            return new UserId(person.handle());
        } catch (InvalidInputException unfit) {
            throw new ForbiddenException("Your handle '" + person.handle() + "' cannot post chirps: a chirp's userId "
                    + UserId.RULE + ".");
        }
    }
}
