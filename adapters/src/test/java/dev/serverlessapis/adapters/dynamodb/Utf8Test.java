package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
    /** Text of every width, pairs included, from a fixed seed: the count is what the JDK's encoder writes. */
    @Test
    void theLengthIsWhatTheJdkEncodes() {
        var random = new Random(20261203);
        for (int round = 0; round < 200; round++) {
            var text = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                text.appendCodePoint(switch (random.nextInt(5)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                    case 2 -> 0x800 + random.nextInt(0xD800 - 0x800);
                    case 3 -> 0xE000 + random.nextInt(0x10000 - 0xE000);
                    default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
                });
            }
            assertThat(Utf8.length(text.toString())).as(text.toString()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(Utf8.length("\u2028")).isEqualTo(3);
        // Each width's first and last code point.
        assertThat(Utf8.length("\u007f")).isEqualTo(1);
        assertThat(Utf8.length("\u0080")).isEqualTo(2);
        assertThat(Utf8.length("\u07ff")).isEqualTo(2);
        assertThat(Utf8.length("\u0800")).isEqualTo(3);
        assertThat(Utf8.length("\uffff")).isEqualTo(3);
        assertThat(Utf8.length("\ud800\udc00")).isEqualTo(4);
        assertThat(Utf8.length("")).isZero();
    }
}
