package dev.serverlessapis.domain.shared;

/**
 * The one place any API asks whether a member of a client's JSON document is a string: the transport hands the domain
 * the document's values as they are (strings, numbers, booleans, null, lists, maps), and the domain decides.
 */
public final class JsonStrings {
    private JsonStrings() {
    }

    /**
     * The member's string, or null when it is absent or JSON null (whether that is allowed is the value's own rule).
     *
     * @throws InvalidInputException on {@code field} for a value of any other JSON type
     */
    public static String orNull(String field, Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw InvalidInputException.of(field, "must be a string");
    }

    /** A member that, when sent, must be a string: JSON null is refused too, since leaving the member out says that. */
    public static String present(String field, Object value) {
        var text = orNull(field, value);
        if (text == null) {
            throw InvalidInputException.of(field, "must be a string; leave the member out instead of sending null");
        }
        return text;
    }
}
