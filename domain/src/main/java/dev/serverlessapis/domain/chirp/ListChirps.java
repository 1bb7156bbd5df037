package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import java.util.Objects;
import java.util.Optional;

/** Reads chirps newest first: one user's, or everyone's. */
public final class ListChirps {
    private final Chirps chirps;

    public ListChirps(Chirps chirps) {
        this.chirps = chirps;
    }

    public Page<Chirp> list(Query query) {
        return query.userId()
                .map(user -> chirps.byUser(user, query.page()))
                .orElseGet(() -> chirps.everyone(query.page()));
    }

    public record Query(Optional<UserId> userId, PageRequest page) {
        public Query {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(page, "page");
        }

        public static Query of(Optional<String> userId, Optional<String> limit, Optional<String> cursor) {
            return new Query(userId.map(UserId::new), PageRequest.parse(limit, cursor));
        }
    }
}
