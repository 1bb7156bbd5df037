package dev.serverlessapis.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A number inside a client's document, kept as the client spelled it: {@code 1.0}, {@code -0}, {@code 1e400} and a
 * 30-digit integer are different texts that no Java number type would all give back unchanged, and the domain never
 * does arithmetic on them. Only the JSON number grammar is accepted, so whatever holds one can write it back as is.
 */
public record JsonNumber(String literal) {
    private static final Pattern GRAMMAR = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    public JsonNumber {
        Objects.requireNonNull(literal, "literal");
        if (!GRAMMAR.matcher(literal).matches()) {
            throw new IllegalArgumentException("not a JSON number: " + literal);
        }
    }

    @Override
    public String toString() {
        return literal;
    }
}
