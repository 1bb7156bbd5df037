package dev.serverlessapis.adapters.observability;

/**
 * The shapes of the log and trace fields, checked character by character. Every function checks them on its first
 * request; as regular expressions they cost about 5–13 ms of pattern compiling at each cold start (12 patterns, fresh
 * JVMs with Lambda's flags), so they are plain code, and {@code FieldShapeTest} holds each to the expression it stands
 * for. The constants have no bodies of their own, which would each be a class to load.
 */
enum FieldShape {
    /** {@code [A-Za-z0-9_-]{1,64}}: function names, request ids, the metrics service. */
    NAME,
    /** {@code -|(/[A-Za-z0-9_.{}+-]*){1,16}}: a route template such as {@code /users/{id}}. */
    ROUTE,
    /** {@code -|[A-Z]{1,10}}: an HTTP method. */
    METHOD,
    /** {@code 1-[0-9a-f]{8}-[0-9a-f]{24}}: an X-Ray trace id. */
    TRACE_ID,
    /** {@code [0-9a-f]{16}}: an X-Ray segment id. */
    SEGMENT_ID,
    /** {@code [A-Za-z0-9_.:|-]{1,128}}: a caller's id, such as a Cognito {@code sub}. */
    CALLER;

    boolean fits(String value) {
        if (this == NAME) {
            return lengthWithin(value, 64) && consistsOf(value, "_-");
        } else if (this == ROUTE) {
            return value.equals("-") || isRoute(value);
        } else if (this == METHOD) {
            return value.equals("-") || lengthWithin(value, 10) && isUpperCase(value);
        } else if (this == TRACE_ID) {
            return value.length() == 35 && value.startsWith("1-") && value.charAt(10) == '-'
                    && isLowerHex(value, 2, 10) && isLowerHex(value, 11, 35);
        } else if (this == SEGMENT_ID) {
            return value.length() == 16 && isLowerHex(value, 0, 16);
        }
        return lengthWithin(value, 128) && consistsOf(value, "_.:|-");
    }

    private static boolean lengthWithin(String value, int most) {
        return !value.isEmpty() && value.length() <= most;
    }

    /** Letters, digits and {@code others} only. */
    private static boolean consistsOf(String value, String others) {
        for (var i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            if (!isAlphanumeric(c) && others.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** One to sixteen segments, each a slash and then any of the template's characters. */
    private static boolean isRoute(String value) {
        var segments = 0;
        for (var i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            if (c == '/') {
                segments++;
            } else if (i == 0 || !isAlphanumeric(c) && "_.{}+-".indexOf(c) < 0) {
                return false;
            }
        }
        return segments >= 1 && segments <= 16;
    }

    private static boolean isUpperCase(String value) {
        for (var i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 'A' || value.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isLowerHex(String value, int from, int to) {
        for (var i = from; i < to; i++) {
            var c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
