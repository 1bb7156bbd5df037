package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import java.util.Optional;

/**
 * Where profiles live. An email address belongs to at most one profile at any moment, also under concurrent writes;
 * addresses are compared by {@link Email#normalized()}. Writes that depend on what is stored take the
 * {@link StoredProfile} they were decided on and fail with {@link Changed} if it is no longer current, so a use case
 * can decide again.
 */
public interface UserProfiles {

    /**
     * Stores a new profile, owned by {@code owner}, at the first version of a new named {@link Incarnation}, unless its
     * id or its email is taken. The name is unique among the incarnations this code names, and never
     * {@link Incarnation#UNNAMED}, which profiles stored by older code share.
     */
    Creation create(UserProfile profile, ProfileOwner owner);

    /** The current profile, read consistently. */
    Optional<StoredProfile> find(UserId id);

    /** The profile whose email is this address, whatever its letter case. */
    Optional<StoredProfile> findByEmail(Email email);

    /** One page of every profile, in no particular order; no profile is repeated or skipped across pages. */
    Page<StoredProfile> list(PageRequest page);

    /**
     * Replaces {@code current} with {@code replacement} (same id) at the next version, moving its email claim (an old
     * address another profile holds stays that profile's, as for {@link #delete}); the owner stays.
     */
    Replacement replace(StoredProfile current, UserProfile replacement);

    /**
     * Deletes {@code current} and frees its email, unless another profile holds that address (data older code could
     * leave), in which case the address stays that profile's; {@link Changed} if it was changed or deleted meanwhile.
     */
    Deletion delete(StoredProfile current);

    /**
     * Deletes profiles, each together with its email claim, until every profile is gone or the deadline is reached,
     * and answers by the deadline how many it deleted (after at least one batch, so each call makes progress). A store
     * that refuses for now once some profiles are gone ends the call with what it deleted too; only one that lets it
     * do nothing, in time or at all, is {@code TemporarilyUnavailableException}. Profiles written meanwhile may
     * survive, but never without their claim nor a claim without its profile.
     */
    Sweep deleteAll(Deadline deadline);

    /** How many profiles one call deleted, and whether some may remain. */
    record Sweep(long deleted, boolean more) {
    }

    sealed interface Creation permits Created, IdTaken, EmailTaken {
    }

    sealed interface Replacement permits Replaced, EmailTaken, Changed {
    }

    sealed interface Deletion permits Deleted, Changed {
    }

    record Created(StoredProfile stored) implements Creation {
    }

    record Replaced(StoredProfile stored) implements Replacement {
    }

    record Deleted() implements Deletion {
    }

    record IdTaken() implements Creation {
    }

    record EmailTaken() implements Creation, Replacement {
    }

    /** The stored profile is not the one the write was decided on any more: replaced or deleted meanwhile. */
    record Changed() implements Replacement, Deletion {
    }
}
