package dev.serverlessapis.domain.shared;

/** One invalid field of a request: which field, and what a valid value looks like. */
public record Violation(String field, String message) {
}
