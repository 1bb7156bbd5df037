package dev.serverlessapis.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * JsonText and JsonCodec's writer against Gson's JsonWriter, which wrote every response, stored profile and cursor
 * before them: the same text to the byte wherever the text is valid Unicode, but for U+FFFD, which is now escaped.
 */
class JsonTextTest {
    private static final String SPECIALS = "\"\\\u2028\u2029\t\b\f\n\r\u007f";

    @Test
    void everyCharacterOfTheBasicPlaneIsEscapedAsGsonEscapedIt() throws IOException {
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            assertThat(quoted("a" + c + "b")).as("U+%04X", (int) c).isEqualTo(gson("a" + c + "b"));
        }
        for (int c = Character.MAX_SURROGATE + 1; c <= 0xffff; c++) {
            if (c != 0xfffd) {
                assertThat(quoted("a" + (char) c + "b")).as("U+%04X", c).isEqualTo(gson("a" + (char) c + "b"));
            }
        }
    }

    /** The API accepts U+FFFD only escaped, so what it writes can be sent back as it is. */
    @Test
    void theReplacementCharacterIsEscapedAndReadBackAsItself() {
        assertThat(quoted("caf\uFFFD")).isEqualTo("\"caf\\ufffd\"");
        assertThat(JsonParser.parseString(quoted("caf\uFFFD")).getAsString()).isEqualTo("caf\uFFFD");
    }

    @Test
    void randomTextWithPairedSurrogatesIsWrittenAsGsonWroteIt() throws IOException {
        var random = new Random(2026);
        for (int run = 0; run < 2_000; run++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                var pick = random.nextInt(4);
                if (pick == 0) {
                    text.append((char) random.nextInt(0x80));
                } else if (pick == 1) {
                    text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                } else if (pick == 2) {
                    text.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
                } else {
                    text.append((char) (0x80 + random.nextInt(Character.MIN_SURROGATE - 0x80)));
                }
            }
            assertThat(quoted(text.toString())).isEqualTo(gson(text.toString()));
        }
    }

    @Test
    void aSurrogateWithoutItsPairIsEscapedWhereGsonWouldHaveLetItBecomeAQuestionMark() {
        assertThat(quoted("a\ud800b\udc00c\ud83c")).isEqualTo("\"a\\ud800b\\udc00c\\ud83c\"");
        assertThat(quoted("\ud83c\udf0d")).isEqualTo("\"\ud83c\udf0d\"");
        assertThat(JsonParser.parseString(quoted("x\udfffy")).getAsString()).isEqualTo("x\udfffy");
    }

    @Test
    void documentsOfEveryPlainTypeAreWrittenAsGsonWroteThem() throws IOException {
        var document = new LinkedHashMap<String, Object>();
        document.put("text", "Zoë \"李\" <b>&</b>\n");
        document.put("long", Long.MIN_VALUE);
        document.put("int", -7);
        document.put("double", 1.0E-10);
        document.put("whole double", 3.0);
        document.put("float", 2.5f);
        document.put("big", new BigInteger("123456789012345678901234567890"));
        document.put("decimal", new BigDecimal("1E+3"));
        document.put("bool", false);
        document.put("null", null);
        document.put("nested", List.of(Map.of("k\t", List.of()), new ArrayList<>(), Map.of()));

        assertThat(JsonCodec.write(document)).isEqualTo(gsonDocument(document));
    }

    private static String quoted(String value) {
        var out = new StringBuilder();
        JsonText.quote(out, value);
        return out.toString();
    }

    private static String gson(String value) throws IOException {
        var text = new StringWriter();
        try (var writer = new JsonWriter(text)) {
            writer.value(value);
        }
        return text.toString();
    }

    private static String gsonDocument(Object value) throws IOException {
        var text = new StringWriter();
        try (var writer = new JsonWriter(text)) {
            writeWithGson(writer, value);
        }
        return text.toString();
    }

    private static void writeWithGson(JsonWriter out, Object value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String text) {
            out.value(text);
        } else if (value instanceof Boolean bool) {
            out.value(bool);
        } else if (value instanceof Number number) {
            out.value(number);
        } else if (value instanceof Map<?, ?> object) {
            out.beginObject();
            for (var member : object.entrySet()) {
                out.name(String.valueOf(member.getKey()));
                writeWithGson(out, member.getValue());
            }
            out.endObject();
        } else {
            out.beginArray();
            for (var element : (Iterable<?>) value) {
                writeWithGson(out, element);
            }
            out.endArray();
        }
    }
}
