package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import java.util.Objects;
import java.util.Optional;

/** Lists profiles page by page, or finds the one profile of an email address; for admins only. */
public final class ListUserProfiles {
    private final UserProfiles profiles;

    public ListUserProfiles(UserProfiles profiles) {
        this.profiles = profiles;
    }

    public Page<StoredProfile> list(Query query) {
        return query.email()
                .map(email -> new Page<>(profiles.findByEmail(email).stream().toList(), Optional.<String>empty()))
                .orElseGet(() -> profiles.list(query.page()));
    }

    /**
     * With an email, the answer is that address's profile or nothing, on one page: its limit is still validated, and a
     * cursor refused.
     */
    public record Query(Optional<Email> email, PageRequest page) {
        public Query {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(page, "page");
        }

        /** Listing and finding by email are for admins only, checked before anything else. */
        public static Query of(Caller caller, Optional<String> email, Optional<String> limit, Optional<String> cursor) {
            if (email.isPresent()) {
                ProfileAccess.requireMayFindByEmail(caller);
            } else {
                ProfileAccess.requireMayList(caller);
            }
            if (email.isPresent() && cursor.isPresent()) {
                // No cursor leads to an email's one page: one sent with it, tampered or not, would go unread.
                throw InvalidInputException.of("cursor", "pages a listing; a lookup by email answers one page, so send none with email");
            }
            return new Query(email.map(Email::new), PageRequest.parse(limit, cursor));
        }
    }
}
