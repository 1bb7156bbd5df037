package dev.serverlessapis.adapters.observability;

/**
 * The shapes of the log and trace fields, checked character by character. Every function checks them on its first
 * request; as regular expressions they cost about 10 ms of pattern compiling at each cold start, so they are plain
 * code, and {@code FieldShapeTest} holds each to the expression it stands for.
 */
enum FieldShape {
    /** {@code [A-Za-z0-9_-]{1,64}}: function names, request ids, the metrics service. */
    NAME {
        @Override
        boolean fits(String value) {
            return runOf(value, 0, value.length(), "_-") && value.length() >= 1 && value.length() <= 64;
        }
    },
    /** {@code -|(/[A-Za-z0-9_.{}+-]*){1,16}}: a route template such as {@code /users/{id}}. */
    ROUTE {
        @Override
        boolean fits(String value) {
            if (value.equals("-")) {
                return true;
            }
            var segments = 0;
            for (var i = 0; i < value.length(); i++) {
                var c = value.charAt(i);
                if (c == '/') {
                    segments++;
                } else if (i == 0 || !(isAlphanumeric(c) || "_.{}+-".indexOf(c) >= 0)) {
                    return false;
                }
            }
            return segments >= 1 && segments <= 16;
        }
    },
    /** {@code -|[A-Z]{1,10}}: an HTTP method. */
    METHOD {
        @Override
        boolean fits(String value) {
            if (value.equals("-")) {
                return true;
            }
            for (var i = 0; i < value.length(); i++) {
                if (value.charAt(i) < 'A' || value.charAt(i) > 'Z') {
                    return false;
                }
            }
            return value.length() >= 1 && value.length() <= 10;
        }
    },
    /** {@code 1-[0-9a-f]{8}-[0-9a-f]{24}}: an X-Ray trace id. */
    TRACE_ID {
        @Override
        boolean fits(String value) {
            return value.length() == 35 && value.startsWith("1-") && value.charAt(10) == '-'
                    && isLowerHex(value, 2, 10) && isLowerHex(value, 11, 35);
        }
    },
    /** {@code [0-9a-f]{16}}: an X-Ray segment id. */
    SEGMENT_ID {
        @Override
        boolean fits(String value) {
            return value.length() == 16 && isLowerHex(value, 0, 16);
        }
    },
    /** {@code [A-Za-z0-9_.:|-]{1,128}}: a caller's id, such as a Cognito {@code sub}. */
    CALLER {
        @Override
        boolean fits(String value) {
            return runOf(value, 0, value.length(), "_.:|-") && value.length() >= 1 && value.length() <= 128;
        }
    };

    abstract boolean fits(String value);

    private static boolean runOf(String value, int from, int to, String others) {
        for (var i = from; i < to; i++) {
            var c = value.charAt(i);
            if (!isAlphanumeric(c) && others.indexOf(c) < 0) {
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
