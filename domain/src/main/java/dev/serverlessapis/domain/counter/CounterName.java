package dev.serverlessapis.domain.counter;

import dev.serverlessapis.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/** The name of a provisioned hit counter, such as {@code cloud-resume}. */
public record CounterName(String value) {
    /** Also enforced on the Terraform variable that provisions counters. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public CounterName {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw InvalidInputException.of("name", "must be 1 to 64 characters of letters, digits, '_', '.' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
