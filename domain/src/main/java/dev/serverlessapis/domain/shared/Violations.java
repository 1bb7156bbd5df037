package dev.serverlessapis.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects every invalid field of one request before refusing it, so a client hears about all of them in one 400
 * instead of fixing one field per round trip. Make a value with {@link #check}, note a rule of its own with
 * {@link #add}, and call {@link #throwIfAny} before using what was made.
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    public void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    /** The value {@code make} builds, or empty when it refuses its input, whose violations are then kept here. */
    public <T> Optional<T> check(Supplier<T> make) {
        try {
            return Optional.of(make.get());
        } catch (InvalidInputException invalid) {
            found.addAll(invalid.violations());
            return Optional.empty();
        }
    }

    /** @throws InvalidInputException naming every violation found, if there is any */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
