package dev.serverlessapis.domain.chirp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChirpTextTest {
    private static final String BIRD = "\uD83D\uDC26"; // one code point, two UTF-16 units, four UTF-8 bytes

    @Property
    void oneTo280CodePointsAreAcceptedAndKeptAsWritten(@ForAll @IntRange(min = 1, max = 280) int length) {
        var text = BIRD.repeat(length);
        assertThat(new ChirpText(text).value()).isEqualTo(text);
    }

    @Test
    void lengthIsCountedInCodePointsNotUtf16UnitsOrBytes() {
        assertThat(new ChirpText(BIRD.repeat(280)).value()).hasSize(560);
        assertThatThrownBy(() -> new ChirpText(BIRD.repeat(281))).satisfies(ChirpTextTest::namesText);
        assertThatThrownBy(() -> new ChirpText("a".repeat(281))).satisfies(ChirpTextTest::namesText);
    }

    @Test
    void emptyBlankOrMissingTextIsRejected() {
        for (var bad : new String[] {null, "", " ", "\n\t  "}) {
            assertThatThrownBy(() -> new ChirpText(bad)).satisfies(ChirpTextTest::namesText);
        }
    }

    @Test
    void textOfOnlySpacesThatIsWhitespaceLeavesOutOrOfZeroWidthCharactersIsRejected() {
        for (var invisible : new String[] {"\u00a0\u00a0", "\u2007", "\u202f", "\u3000", "\u200b", "\ufeff", "\u200c\u200d\u2060", " \u00a0\u200b\n", "\u0085", "\u0085\u0085\n", "\u3164", "\u2800\u00ad"}) {
            assertThatThrownBy(() -> new ChirpText(invisible)).as("U+%04X...", (int) invisible.charAt(0)).satisfies(ChirpTextTest::namesText);
        }
    }

    @Test
    void invisibleCharactersBesideSomethingVisibleAreKept() {
        assertThat(new ChirpText("\u00a0hi\u200b").value()).isEqualTo("\u00a0hi\u200b");
    }

    /** A control character shows as nothing (or drives a terminal's colours): only tab and the line breaks LF and CR pass. */
    @Test
    void controlCharactersOtherThanTabAndLineBreaksAreRefusedAnywhere() {
        for (var control : new String[] {"\u0000", "hi\u0000", "\u0007\u001b", "\u001b[31mred", "a\u007fb", "a\u0085b", "a\u009fb"}) {
            assertThatThrownBy(() -> new ChirpText(control)).as("%s", control.codePoints().boxed().toList()).satisfies(ChirpTextTest::namesText);
        }
        assertThat(new ChirpText("one\ttwo\r\nthree\n").value()).isEqualTo("one\ttwo\r\nthree\n");
    }

    @Test
    void surroundingSpacesAreKept() {
        assertThat(new ChirpText("  hi  ").value()).isEqualTo("  hi  ");
    }

    @Test
    void anUnpairedSurrogateIsNotText() {
        assertThatThrownBy(() -> new ChirpText("oops \uD83D")).satisfies(ChirpTextTest::namesText);
    }

    /** Read back, not input: a text the rules now refuse is kept as stored; one they accept is the same text as input. */
    @Test
    void aStoredTextIsTakenAsItIs() {
        assertThat(ChirpText.stored("\u200b").value()).isEqualTo("\u200b");
        assertThat(ChirpText.stored("a".repeat(281)).value()).hasSize(281);
        assertThat(ChirpText.stored("hi")).isEqualTo(new ChirpText("hi")).hasSameHashCodeAs(new ChirpText("hi"));
        assertThatThrownBy(() -> ChirpText.stored(null)).isInstanceOf(NullPointerException.class);
    }

    private static void namesText(Throwable failure) {
        assertThat(failure).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> assertThat(invalid.violations()).extracting("field").containsExactly("text"));
    }
}
