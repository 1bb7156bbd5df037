package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Caller;
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

    /** With an email, the answer is that address's profile or nothing, on one page; paging is still validated. */
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
            return new Query(email.map(Email::new), PageRequest.parse(limit, cursor));
        }
    }
}
