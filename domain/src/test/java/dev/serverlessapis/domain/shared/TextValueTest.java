package dev.serverlessapis.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Stored or input, the same string is the same value, and shows as that string. */
    @Test
    void aStoredValueIsTheSameValueAsThatInput() {
        assertThat(dev.serverlessapis.domain.user.UserId.stored("ada")).isEqualTo(new dev.serverlessapis.domain.user.UserId("ada"))
                .hasSameHashCodeAs(new dev.serverlessapis.domain.user.UserId("ada")).hasToString("ada");
        assertThat(Email.stored("ada@example.com")).isEqualTo(new Email("ada@example.com")).hasToString("ada@example.com");
    }
}
