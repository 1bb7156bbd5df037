package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The port's contract in a few lines, for use-case tests; the DynamoDB adapter is tested against DynamoDB Local. */
public final class InMemoryChirps implements Chirps {
    private static final Comparator<Chirp> NEWEST_FIRST = Comparator.comparingLong(Chirp::timestamp)
            .thenComparing(chirp -> chirp.userId().value()).reversed();

    private final List<Chirp> stored = new ArrayList<>();

    @Override
    public synchronized Chirp add(UserId userId, ChirpText text, long notBefore) {
        var timestamp = notBefore;
        while (taken(userId, timestamp)) {
            timestamp++;
        }
        var chirp = new Chirp(userId, timestamp, text);
        stored.add(chirp);
        return chirp;
    }

    @Override
    public synchronized Page<Chirp> byUser(UserId userId, PageRequest page) {
        return page(chirp -> chirp.userId().equals(userId), page);
    }

    @Override
    public synchronized Page<Chirp> everyone(PageRequest page) {
        return page(chirp -> true, page);
    }

    private boolean taken(UserId userId, long timestamp) {
        return stored.stream().anyMatch(chirp -> chirp.userId().equals(userId) && chirp.timestamp() == timestamp);
    }

    private Page<Chirp> page(Predicate<Chirp> filter, PageRequest request) {
        var all = stored.stream().filter(filter).sorted(NEWEST_FIRST).toList();
        var start = request.cursor().map(cursor -> indexAfter(all, cursor)).orElse(0);
        var end = Math.min(all.size(), start + request.limit());
        var items = all.subList(start, end);
        var next = end < all.size() ? Optional.of(items.getLast().userId() + "@" + items.getLast().timestamp()) : Optional.<String>empty();
        return new Page<>(items, next);
    }

    private static int indexAfter(List<Chirp> all, String cursor) {
        for (int i = 0; i < all.size(); i++) {
            if ((all.get(i).userId() + "@" + all.get(i).timestamp()).equals(cursor)) {
                return i + 1;
            }
        }
        throw InvalidInputException.of("cursor", "unknown");
    }
}
