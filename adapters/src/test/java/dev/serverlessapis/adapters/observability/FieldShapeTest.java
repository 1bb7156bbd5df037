package dev.serverlessapis.adapters.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each shape is plain code for a cold start's sake; these hold it to the regular expression it stands for, on strings
 * drawn from the characters that matter (each shape's own, its neighbours in ASCII, and a few beyond) and on edges.
 */
class FieldShapeTest {
    /** The expressions the log fields were checked with before, and that their documentation names. */
    static Pattern expressionOf(FieldShape shape) {
        return Pattern.compile(switch (shape) {
            case NAME -> "[A-Za-z0-9_-]{1,64}";
            case ROUTE -> "-|(/[A-Za-z0-9_.{}+-]*){1,16}";
            case METHOD -> "-|[A-Z]{1,10}";
            case TRACE_ID -> "1-[0-9a-f]{8}-[0-9a-f]{24}";
            case SEGMENT_ID -> "[0-9a-f]{16}";
            case CALLER -> "[A-Za-z0-9_.:|-]{1,128}";
        });
    }

    @Property(tries = 3000)
    void everyShapeAcceptsExactlyWhatItsExpressionMatches(@ForAll("candidates") String value) {
        for (var shape : FieldShape.values()) {
            assertThat(shape.fits(value)).as("%s on \"%s\"", shape, value).isEqualTo(expressionOf(shape).matcher(value).matches());
        }
    }

    @ParameterizedTest
    @EnumSource(FieldShape.class)
    void agreesOnTheEdges(FieldShape shape) {
        var edges = List.of("", "-", "--", "/", "//", "/users/{id}", "users", "/" + "a".repeat(200), "/a".repeat(16), "/a".repeat(17),
                "GET", "GETGETGETGE", "get", "a".repeat(64), "a".repeat(65), "a".repeat(128), "a".repeat(129), "user@example.com",
                "1-5759e988-bd862e3fe1be46a994272793", "1-5759e988-bd862e3fe1be46a99427279", "1-5759E988-bd862e3fe1be46a994272793",
                "2-5759e988-bd862e3fe1be46a994272793", "1-5759e988_bd862e3fe1be46a994272793", "53995c3f42cd8ad8", "53995c3f42cd8ad",
                "us-east-1:sub|x.y", "caller id", "é", "\u0000", "\ud800");
        for (var value : edges) {
            assertThat(shape.fits(value)).as("%s on \"%s\"", shape, value).isEqualTo(expressionOf(shape).matcher(value).matches());
        }
    }

    @Provide
    Arbitrary<String> candidates() {
        var mixed = Arbitraries.strings().withChars("afgzAZ019-_.:|/{}+@ `[~é\u0000").ofMaxLength(140);
        var tracey = Arbitraries.strings().withChars("0123456789abcdef-").ofLength(35).map(tail -> "1-" + tail.substring(2));
        // Also strings of only the characters one shape allows, at every length up to past the longest limit.
        var name = Arbitraries.strings().withChars("abzAZ09_-").ofMaxLength(140);
        var caller = Arbitraries.strings().withChars("abzAZ09_-.:|").ofMaxLength(140);
        var route = Arbitraries.strings().withChars("/ab{}+.-").ofMaxLength(140);
        var method = Arbitraries.strings().withChars("GETZ").ofMaxLength(12);
        return Arbitraries.oneOf(mixed, name, caller, route, method, tracey,
                Arbitraries.strings().withChars("0123456789abcdefA").ofLength(16));
    }
}
