package dev.serverlessapis.domain.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a list to read: at most {@code limit} items, starting after the opaque {@code cursor} a previous
 * page handed out. The cursor's meaning belongs to the store that issued it.
 */
public record PageRequest(int limit, Optional<String> cursor) {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (cursor.isPresent() && cursor.get().isBlank()) {
            throw InvalidInputException.of("cursor", "must be a cursor from a previous page's next link");
        }
    }

    /** Parses the raw query values; absent values take the defaults. */
    public static PageRequest parse(Optional<String> limit, Optional<String> cursor) {
        return new PageRequest(limit.map(PageRequest::parseLimit).orElse(DEFAULT_LIMIT), cursor);
    }

    /**
     * ASCII digits only: {@link Integer#parseInt} also takes a sign and any script's digits ("+5", "٥"). Past its
     * leading zeros, more than nine digits are out of range, and nine cannot overflow an int.
     */
    private static int parseLimit(String raw) {
        var first = 0;
        while (first < raw.length() - 1 && raw.charAt(first) == '0') {
            first++;
        }
        var digits = !raw.isEmpty() && raw.length() - first <= 9;
        for (var i = first; i < raw.length() && digits; i++) {
            digits = raw.charAt(i) >= '0' && raw.charAt(i) <= '9';
        }
        if (!digits) {
            throw InvalidInputException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(raw.substring(first));
    }
}
