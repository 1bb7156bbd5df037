package dev.serverlessapis.domain.shared;

import java.util.Objects;

/**
 * A value that is one string and is also read back from the store: a profile's id and address, a chirp's handle and
 * text. A subclass checks input in its public constructor and takes a string read back as it is ({@link Stored}):
 * rules may have grown stricter since it was written, or the item was edited by hand, and a read must not fail for
 * everyone on what the store holds. Two values are equal when they are of the same class and hold the same string.
 */
public abstract class TextValue {
    private final String value;

    /** A string the subclass has checked as input. */
    protected TextValue(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A string read back from the store, which a subclass takes without checking it against today's rules. */
    protected TextValue(Stored stored) {
        this(stored.value());
    }

    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && value.equals(((TextValue) other).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }

    /**
     * A string as the store holds it, not input: what a subclass's {@code stored} factory hands to its private
     * constructor, so that the two constructors differ by type rather than by a flag. Null is refused where it lands,
     * in {@link #TextValue(String)}.
     */
    public record Stored(String value) {
    }
}
