package dev.serverlessapis.domain.chirp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class UserIdTest {

    @Property
    void handlesOfAllowedCharactersAreAccepted(
            @ForAll @StringLength(min = 1, max = 64) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z')
            @CharRange(from = '0', to = '9') @Chars({'_', '.', '-'}) String handle) {
        assertThat(new UserId(handle).value()).isEqualTo(handle);
    }

    @Test
    void anyOtherCharacterIsRejectedNamingUserId() {
        for (var bad : new String[] {"", "a b", "a/b", "#days", "@ada", "é", "a\u0000", "ada\n", "ada\uD83D\uDC26",
                "\u00a0", "a\u202fb", "a\u200bb", "\ufeffada"}) {
            assertThatThrownBy(() -> new UserId(bad)).as(bad).isInstanceOfSatisfying(InvalidInputException.class,
                    invalid -> assertThat(invalid.violations()).extracting("field").containsExactly("userId"));
        }
        assertThatThrownBy(() -> new UserId(null)).isInstanceOf(InvalidInputException.class);
    }

    /** Read back, not input: a handle the rules now refuse is kept as stored; one they accept is the same handle as input. */
    @Test
    void aStoredHandleIsTakenAsItIs() {
        assertThat(UserId.stored("older handle").value()).isEqualTo("older handle");
        assertThat(UserId.stored("ada")).isEqualTo(new UserId("ada")).hasSameHashCodeAs(new UserId("ada"));
        assertThatThrownBy(() -> UserId.stored(null)).isInstanceOf(NullPointerException.class);
    }

    @Property
    void handlesLongerThan64AreRejected(@ForAll @StringLength(min = 65, max = 300) @CharRange(from = 'a', to = 'z') String handle) {
        assertThatThrownBy(() -> new UserId(handle)).isInstanceOf(InvalidInputException.class);
    }
}
