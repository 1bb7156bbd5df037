package dev.serverlessapis.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.JsonNumber;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec's promise: what it parses, it writes back as it was sent. */
class JsonCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.50", "-0", "0", "-0.0", "1e400", "-1E-400", "2.5e+3", "123456789012345678901234567890",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "0.1", "4.9e-324"})
    void aNumberComesBackSpelledAsItWasSent(String number) {
        var document = "{\"n\":" + number + ",\"list\":[" + number + "]}";

        var parsed = JsonCodec.parseObject(document);

        assertThat(parsed.get("n")).isEqualTo(new JsonNumber(number));
        assertThat(JsonCodec.write(parsed)).isEqualTo(document);
    }

    @Test
    void aCompactDocumentComesBackByteForByteWithOrderNullsNestingAndHtmlCharacters() {
        var document = """
                {"z":1,"a":null,"nested":{"list":[true,false,null,"two",{"three":[]}],"empty":{}},"html":"<b>&</b>='","emoji":"🌍","名前":"Zoë 李"}""";

        assertThat(JsonCodec.write(JsonCodec.parse(document))).isEqualTo(document);
    }

    @Test
    void escapesStandForTheirCharactersAndAreWrittenOnlyWhereJsonNeedsThem() {
        var parsed = JsonCodec.parseObject("""
                {"s":"caf\\u00e9 \\ud83c\\udf0d \\"q\\" \\\\ \\/ \\n\\t\\u0001 \\u003c"}""");

        assertThat(parsed.get("s")).isEqualTo("café 🌍 \"q\" \\ / \n\t\u0001 <");
        assertThat(JsonCodec.write(parsed)).isEqualTo("""
                {"s":"café 🌍 \\"q\\" \\\\ / \\n\\t\\u0001 <"}""");
    }

    @Test
    void aDocumentIsPlainJavaInDocumentOrderWithNoGsonTypeInIt() {
        var parsed = JsonCodec.parseObject("""
                {"b":[1,"x",{"c":false}],"a":2.0}""");

        assertThat(parsed.keySet()).containsExactly("b", "a");
        assertThat(parsed.get("b")).isEqualTo(List.of(new JsonNumber("1"), "x", Map.of("c", false)));
        assertThat(parsed.get("a")).isEqualTo(new JsonNumber("2.0"));
    }

    @Test
    void plainJavaValuesAreWrittenTooSoResponsesAndStoredProfilesShareOneWriter() {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "cloud-resume");
        body.put("value", 42L);
        body.put("score", 1.5);
        body.put("nothing", null);
        body.put("list", Arrays.asList(1, null));

        assertThat(JsonCodec.write(body)).isEqualTo("""
                {"name":"cloud-resume","value":42,"score":1.5,"nothing":null,"list":[1,null]}""");
    }

    /** Nothing is written by reflection: a type the codec does not own is our defect, and JSON has no NaN. */
    /** A Number of no JDK type: its text could be anything, and Gson checked it against a pattern; the codec refuses it. */
    private static final class UnknownNumber extends Number {
        @Override
        public int intValue() {
            return 1;
        }

        @Override
        public long longValue() {
            return 1;
        }

        @Override
        public float floatValue() {
            return 1;
        }

        @Override
        public double doubleValue() {
            return 1;
        }
    }

    @Test
    void onlyPlainValuesAndFiniteNumbersAreWritten() {
        record Reading(String name) {
        }

        assertThatThrownBy(() -> JsonCodec.write(Map.of("reading", new Reading("x")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCodec.write(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCodec.write(List.of(Float.NEGATIVE_INFINITY))).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonCodec.write(List.of(new AtomicLong(7)))).isEqualTo("[7]");
        assertThatThrownBy(() -> JsonCodec.write(List.of(new UnknownNumber()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonCodec.write(null)).isEqualTo("null");
    }

    @Test
    void aMemberNamedTwiceOrTextThatIsNotUnicodeIsRefusedNamingWhereItIs() {
        assertThatThrownBy(() -> JsonCodec.parse("{\"a\":{\"x\":1,\"x\":1}}"))
                .isInstanceOfSatisfying(JsonCodec.Refused.class, refused -> assertThat(refused.path()).isEqualTo("a.x"));
        assertThatThrownBy(() -> JsonCodec.parse("[\"\\udc00\"]"))
                .isInstanceOfSatisfying(JsonCodec.Refused.class, refused -> assertThat(refused.path()).isEqualTo("[0]"));
        assertThatThrownBy(() -> JsonCodec.parse("{\"\\ud800\":1}"))
                .isInstanceOfSatisfying(JsonCodec.Refused.class, refused -> assertThat(refused.path()).isEmpty());
        assertThatThrownBy(() -> JsonCodec.parse("{\"tags\":[1,\"\\udc00\"]}"))
                .isInstanceOfSatisfying(JsonCodec.Refused.class, refused -> assertThat(refused.path()).isEqualTo("tags[1]"));
        assertThatThrownBy(() -> JsonCodec.parse("[{\"a\":[0,{\"b\":\"\\ud800\"}]}]"))
                .isInstanceOfSatisfying(JsonCodec.Refused.class, refused -> assertThat(refused.path()).isEqualTo("[0].a[1].b"));
        assertThatThrownBy(() -> JsonCodec.parse("{\"\":{\"x\":1,\"x\":2}}"))
                .isInstanceOfSatisfying(JsonCodec.Refused.class, refused -> assertThat(refused.path()).isEqualTo("x"));
    }

    /** The parser's limit on a number's length is said as such, not as malformed JSON; a number under it is kept. */
    @Test
    void aNumberTooLongForTheParserIsRefusedSayingSo() {
        var longest = "9".repeat(1023);
        assertThat(JsonCodec.write(JsonCodec.parse("[" + longest + "]"))).isEqualTo("[" + longest + "]");
        assertThatThrownBy(() -> JsonCodec.parse("{\"n\":" + "9".repeat(1024) + "}")).isInstanceOf(JsonCodec.Malformed.class)
                .hasMessage("holds a number of more than 1023 characters, which is not accepted");
        assertThatThrownBy(() -> JsonCodec.parse("{\"n\":1")).hasMessage("is not well-formed JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1,]", "{a:1}", "'a'", "01", "1.", ".5", "+1", "NaN", "Infinity", "{\"a\":1}x", "1 2",
            // What Gson's lenient modes take: a raw tab inside a string, an upper-case literal, an escaped apostrophe.
            "\"a\tb\"", "TRUE", "\"\\'\""})
    void textThatIsNotOneStrictJsonValueIsMalformed(String text) {
        assertThatThrownBy(() -> JsonCodec.parse(text)).isInstanceOf(JsonCodec.Malformed.class);
    }

    @Test
    void nestingIsBoundedAt255LevelsSoADeepDocumentIsMalformedNotAStackOverflow() {
        assertThat(JsonCodec.write(JsonCodec.parse("[".repeat(255) + "]".repeat(255)))).hasSize(510);
        assertThatThrownBy(() -> JsonCodec.parse("[".repeat(256) + "]".repeat(256))).isInstanceOf(JsonCodec.Malformed.class);
        assertThatThrownBy(() -> JsonCodec.parse("[".repeat(100_000) + "]".repeat(100_000))).isInstanceOf(JsonCodec.Malformed.class);
    }

    @Test
    void aStoredDocumentMustBeAnObject() {
        assertThatThrownBy(() -> JsonCodec.parseObject("[1]")).isInstanceOf(JsonCodec.Malformed.class);
        assertThatThrownBy(() -> JsonCodec.parseStoredObject("[1]")).isInstanceOf(JsonCodec.Malformed.class);
    }

    /**
     * What only a hand edit stores is read, not refused: an unpaired surrogate, written back escaped as it was stored,
     * and a member named twice, as JavaScript reads it (its last value at its first place). Malformed JSON still is not.
     */
    @Test
    void aStoredDocumentMayHoldUnpairedSurrogatesAndMembersNamedTwice() {
        var stored = "{\"a\":\"x\\ud800\",\"b\":{\"\\udc00\":[\"\\udbff\"]},\"a\":{\"a\":1,\"a\":2}}";

        var document = JsonCodec.parseStoredObject(stored);

        assertThat(document).containsExactly(Map.entry("a", Map.of("a", new JsonNumber("2"))),
                Map.entry("b", Map.of("\udc00", List.of("\udbff"))));
        assertThat(JsonCodec.write(JsonCodec.parseStoredObject("{\"s\":\"x\\ud800\",\"\\udc00\":[\"\\udbff\"]}")))
                .isEqualTo("{\"s\":\"x\\ud800\",\"\\udc00\":[\"\\udbff\"]}");
        assertThatThrownBy(() -> JsonCodec.parseObject(stored)).isInstanceOf(JsonCodec.Refused.class);
        assertThatThrownBy(() -> JsonCodec.parseStoredObject("{\"a\":1,}")).isInstanceOf(JsonCodec.Malformed.class);
    }
}
