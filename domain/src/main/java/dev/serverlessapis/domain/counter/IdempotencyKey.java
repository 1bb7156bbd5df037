package dev.serverlessapis.domain.counter;

import dev.serverlessapis.domain.shared.InvalidInputException;
import java.time.Duration;
import java.util.regex.Pattern;

/** A client's token for one logical increment: retries carrying the same key count once. */
public record IdempotencyKey(String value) {
    /** How long a key is remembered after it first counted: used again later, it counts again. */
    public static final Duration REMEMBERED_FOR = Duration.ofDays(1);
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");

    public IdempotencyKey {
        if (value == null || !VISIBLE_ASCII.matcher(value).matches()) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
    }
}
