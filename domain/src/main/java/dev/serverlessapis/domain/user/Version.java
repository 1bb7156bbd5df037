package dev.serverlessapis.domain.user;

/** How many times a profile was written: 1 when created, one more per replace. Travels as the ETag. */
public record Version(long value) {
    public static final Version FIRST = new Version(1);

    public Version {
        if (value < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + value);
        }
    }

    public Version next() {
        return new Version(value + 1);
    }
}
