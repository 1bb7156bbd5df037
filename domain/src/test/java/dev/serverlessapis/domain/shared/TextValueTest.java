package dev.serverlessapis.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.chirp.ChirpText;
import dev.serverlessapis.domain.user.Email;
import org.junit.jupiter.api.Test;

class TextValueTest {

    /** A handle and a profile id may hold the same string and still name different things. */
    @Test
    void valuesOfDifferentKindsAreNeverEqual() {
        var handle = new dev.serverlessapis.domain.chirp.UserId("ada");
        var profileId = new dev.serverlessapis.domain.user.UserId("ada");

        assertThat(handle).isNotEqualTo(profileId).isNotEqualTo(new ChirpText("ada")).isNotEqualTo("ada");
        assertThat(profileId).isNotEqualTo(handle);
        assertThat(handle).isEqualTo(new dev.serverlessapis.domain.chirp.UserId("ada"));
    }

    /** Equality asks for the same class, not a common one: a value's subclass is another kind of value. */
    @Test
    void aSubclassOfAValueIsAnotherKind() {
        var word = new Word("ada");
        var special = new Word("ada") {
        };

        assertThat(word).isEqualTo(new Word("ada")).hasSameHashCodeAs(new Word("ada")).hasToString("ada");
        assertThat(word).isNotEqualTo(special);
        assertThat(special).isNotEqualTo(word);
    }

    /** Stored or input, the same string is the same profile id; an address too, and in another case the same address. */
    @Test
    void aStoredValueIsTheSameValueAsThatInput() {
        assertThat(dev.serverlessapis.domain.user.UserId.stored("ada")).isEqualTo(new dev.serverlessapis.domain.user.UserId("ada"))
                .hasSameHashCodeAs(new dev.serverlessapis.domain.user.UserId("ada"));
        assertThat(Email.stored("Ada@Example.com")).isEqualTo(new Email("Ada@Example.com"))
                .hasSameHashCodeAs(new Email("Ada@Example.com"));
        assertThat(Email.stored("Ada@Example.com").sameAddressAs(new Email("ada@example.com"))).isTrue();
        assertThatThrownBy(() -> Email.stored(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    private static class Word extends TextValue {
        Word(String value) {
            super(value);
        }
    }
}
