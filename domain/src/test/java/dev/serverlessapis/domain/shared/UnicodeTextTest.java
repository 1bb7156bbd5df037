package dev.serverlessapis.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The checks are loops for a cold start's sake; these hold them to the code point definitions they stand for. */
class UnicodeTextTest {
    @Property(tries = 3000)
    void validExactlyWhenNoCodePointIsASurrogate(@ForAll("surrogateHeavy") String text) {
        var definition = text.codePoints().noneMatch(codePoint -> codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
        assertThat(UnicodeText.isValid(text)).isEqualTo(definition);
    }

    @Property(tries = 3000)
    void aControlCharacterIsAnIsoControlCodePoint(@ForAll("surrogateHeavy") String text) {
        assertThat(UnicodeText.hasControlCharacter(text)).isEqualTo(text.codePoints().anyMatch(Character::isISOControl));
    }

    @Property(tries = 3000)
    void aBlankCodePointIsAnyUnicodeSpaceOrLineBreakOrAZeroWidthCharacter(@ForAll("blankHeavy") String text) {
        assertThat(UnicodeText.isBlank(text)).isEqualTo(text.codePoints().allMatch(UnicodeTextTest::blankByDefinition));
        assertThat(UnicodeText.hasBlank(text)).isEqualTo(text.codePoints().anyMatch(UnicodeTextTest::blankByDefinition));
    }

    /** Every code point, not a sample: the ranges' ends (U+FE00, U+E01EF, U+180B...) are where a loop goes wrong. */
    @Example
    void eachCodePointIsBlankExactlyWhenTheDefinitionSaysSo() {
        for (var codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                var text = Character.toString(codePoint);
                var blank = blankByDefinition(codePoint);
                if (UnicodeText.isBlank(text) != blank || UnicodeText.hasBlank(text) != blank) {
                    throw new AssertionError(String.format("U+%04X: blank by definition %s", codePoint, blank));
                }
            }
        }
    }

    @Property(tries = 3000)
    void composedExactlyWhenTheJdksNormalizerSaysNfc(@ForAll("decomposable") String text) {
        assertThat(UnicodeText.isComposed(text)).isEqualTo(java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC));
    }

    /** Unicode's own White_Space property, which the regular expressions know, beside Java's two space tests. */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}");
    /** Marks, letters and symbols that show as nothing: variation selectors, CGJ, Khmer and Mongolian, Hangul fillers, blank Braille. */
    private static final Pattern INVISIBLE_NON_FORMAT = Pattern.compile("[\\x{FE00}-\\x{FE0F}\\x{E0100}-\\x{E01EF}"
            + "\\x{034F}\\x{17B4}\\x{17B5}\\x{180B}-\\x{180F}\\x{115F}\\x{1160}\\x{3164}\\x{FFA0}\\x{2800}]");

    private static boolean blankByDefinition(int codePoint) {
        var text = Character.toString(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || WHITE_SPACE.matcher(text).matches()
                || Pattern.matches("\\p{Cf}", text) || INVISIBLE_NON_FORMAT.matcher(text).matches();
    }

    @Example
    void spacesThatIsWhitespaceLeavesOutAndZeroWidthCharactersAreBlank() {
        for (var invisible : new String[] {"\u00a0", "\u2007", "\u202f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", " \t\n\u3000", "\u0085", "\u3164", "\u115f\u1160", "\uffa0", "\u2800", "\u00ad", "\u2061\u2064", "\u180e", "\u200e\u200f", "\u2066\u2069", "\u034f", "\ufe0f", "\u061c", "\udb40\udc20"}) {
            assertThat(UnicodeText.isBlank(invisible)).as("U+%04X", (int) invisible.charAt(0)).isTrue();
            assertThat(UnicodeText.hasBlank("a" + invisible + "b")).isTrue();
        }
        assertThat(UnicodeText.isBlank("")).isTrue();
        assertThat(UnicodeText.isBlank("\u00a0.\u200b")).isFalse();
        assertThat(UnicodeText.hasBlank("c-1\ud83d\udc26")).isFalse();
    }

    @Example
    void pairsAreValidAndLoneHalvesAreNot() {
        assertThat(UnicodeText.isValid("chirp \ud83d\udc26")).isTrue();
        assertThat(UnicodeText.isValid("\ud83d")).isFalse();
        assertThat(UnicodeText.isValid("\udc26\ud83d")).isFalse();
        assertThat(UnicodeText.isValid("a\udc26")).isFalse();
        assertThat(UnicodeText.hasControlCharacter("tab\there")).isTrue();
        assertThat(UnicodeText.hasControlCharacter("\u0085")).isTrue();
        assertThat(UnicodeText.hasControlCharacter("plain é \ud83d\udc26")).isFalse();
    }

    @Provide
    Arbitrary<String> blankHeavy() {
        return Arbitraries.strings()
                .withChars(' ', '\t', '\n', '\u0085', '\u00a0', '\u2007', '\u202f', '\u3000', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff',
                        '\u200e', '\u00ad', '\u3164', '\u2800', '\u2061', '\u2065', '\u2066', '\u034f', '\ufe0f', '\udb40', '\udc20',
                        'a', '\ud83d', '\udc26')
                .ofMaxLength(6);
    }

    /** Letters that compose with the marks among them, Hangul jamo that compose into syllables, and plain ASCII. */
    @Provide
    Arbitrary<String> decomposable() {
        return Arbitraries.strings()
                .withChars('a', 'e', 'u', 'Z', '@', '.', '\u00e9', '\u00fc', '\u0301', '\u0308', '\u0327', '\u1100', '\u1161', '\u11a8', '\uac00',
                        '\u212b', '\u0344', '\u02ff')
                .ofMaxLength(6);
    }

    @Provide
    Arbitrary<String> surrogateHeavy() {
        return Arbitraries.strings()
                .withChars('a', 'é', '\t', '\u0000', '\u007f', '\u009f', '\u00a0', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\udc26')
                .ofMaxLength(12);
    }
}
