package dev.serverlessapis.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

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
    Arbitrary<String> surrogateHeavy() {
        return Arbitraries.strings()
                .withChars('a', 'é', '\t', '\u0000', '\u007f', '\u009f', '\u00a0', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\udc26')
                .ofMaxLength(12);
    }
}
