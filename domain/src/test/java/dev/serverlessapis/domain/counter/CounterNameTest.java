package dev.serverlessapis.domain.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class CounterNameTest {

    @Property
    void namesOfAllowedCharactersAreAccepted(
            @ForAll @StringLength(min = 1, max = 64) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z')
            @CharRange(from = '0', to = '9') @Chars({'_', '.', '-'}) String name) {
        assertThat(new CounterName(name).value()).isEqualTo(name);
    }

    /**
     * The bad characters come from a provider: {@code @Chars} on a {@code char} parameter does not narrow jqwik's
     * generator, which then drew allowed ones now and then (such as {@code 'C'}, shrunk to {@code '-'}) and failed the build at random.
     */
    @Property
    void anyOtherCharacterIsRejected(@ForAll @StringLength(min = 1, max = 20) String prefix, @ForAll("badCharacters") char bad) {
        assertThatThrownBy(() -> new CounterName(prefix + bad)).isInstanceOf(InvalidInputException.class);
    }

    @Provide
    Arbitrary<Character> badCharacters() {
        return Arbitraries.of(' ', '/', '#', '?', 'é', '\u0000');
    }

    @Property
    void namesLongerThan64AreRejected(@ForAll @StringLength(min = 65, max = 300) @CharRange(from = 'a', to = 'z') String name) {
        assertThatThrownBy(() -> new CounterName(name)).isInstanceOf(InvalidInputException.class);
    }
}
