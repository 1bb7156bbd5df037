package dev.serverlessapis.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Which write of which profile is stored: the profile's {@link Incarnation} and how many times it was written in it
 * (1 when created, one more per replace). Two versions are one only when both agree, so a version read before a
 * delete never names the profile created again under the same id, whose count starts at 1 again: a conditional write
 * decided on the deleted profile fails instead of overwriting an unrelated one. Travels as the ETag, spelled by
 * {@link #name()}.
 *
 * <p>{@code equals} and {@code hashCode} are written out: a record's own are bootstrapped at their first use, which
 * every cold start's first {@code If-Match} would pay.
 */
public record Version(Incarnation incarnation, long count) {
    /** The largest count a tag spells: the largest of 18 digits, which always parse into a {@code long}. */
    public static final long MAX_COUNT = 999_999_999_999_999_999L;
    private static final int MAX_COUNT_DIGITS = Long.toString(MAX_COUNT).length();

    public Version {
        Objects.requireNonNull(incarnation, "incarnation");
        if (count < 1) {
            throw new IllegalArgumentException("versions are counted from 1, got " + count);
        }
    }

    public static Version first(Incarnation incarnation) {
        return new Version(incarnation, 1);
    }

    /** The version a replace stores: the same incarnation, counted once more. */
    public Version next() {
        return new Version(incarnation, count + 1);
    }

    /**
     * The count, then a {@code .} and the incarnation's name: {@code 2.<name>}. A version of an {@link Incarnation#UNNAMED}
     * incarnation is its count alone, as every version was spelled before incarnations were named, so a tag read
     * from such a profile before the change still names it.
     */
    public String name() {
        return incarnation.isNamed() ? count + "." + incarnation.name() : Long.toString(count);
    }

    /** The version {@code name} spells, if it spells one; text that {@link #name()} never gives spells none. */
    public static Optional<Version> named(String name) {
        var dot = name.indexOf('.');
        var digits = dot < 0 ? name.length() : dot;
        if (digits < 1 || digits > MAX_COUNT_DIGITS || name.charAt(0) == '0') {
            return Optional.empty();
        }
        for (int i = 0; i < digits; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        var count = Long.parseLong(name, 0, digits, 10);
        if (dot < 0) {
            return Optional.of(new Version(Incarnation.UNNAMED, count));
        }
        var incarnation = name.substring(dot + 1);
        return Incarnation.isValidName(incarnation) ? Optional.of(new Version(Incarnation.named(incarnation), count)) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version version && count == version.count && incarnation.equals(version.incarnation);
    }

    @Override
    public int hashCode() {
        return 31 * incarnation.hashCode() + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return name();
    }
}
