package dev.serverlessapis.domain.chirp;

import dev.serverlessapis.domain.shared.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/** The handle a chirp is posted under, such as {@code ada_l}. */
public final class UserId {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final String RULE = "must be 1 to 64 characters of letters, digits, '_', '.' or '-'";

    private final String value;

    /** A handle as input: it must match {@link #PATTERN}. */
    public UserId(String value) {
        this(value, true);
    }

    private UserId(String value, boolean input) {
        if (input && (value == null || !PATTERN.matcher(value).matches())) {
            throw InvalidInputException.of("userId", RULE);
        }
        // Input's check refuses null itself; this catches a null read back from the store.
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * A handle read back from the store, not input: it was checked when its chirp was written, by rules that may since
     * have grown stricter (or the item was edited by hand), so it is taken as it is. The feed then still shows the
     * chirp instead of failing for everyone whose page meets it; only {@code ?userId=}, which is input, refuses it.
     */
    public static UserId stored(String value) {
        return new UserId(value, false);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserId id && value.equals(id.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
