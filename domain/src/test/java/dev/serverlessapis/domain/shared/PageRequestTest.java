package dev.serverlessapis.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void absentValuesTakeTheDefaults() {
        assertThat(PageRequest.parse(Optional.empty(), Optional.empty()))
                .isEqualTo(new PageRequest(PageRequest.DEFAULT_LIMIT, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "", "2.5", "99999999999", "+5", " 5", "5 ", "\u0665", "\uff15", "1e1", "0000000101", "2147483648"})
    void limitsOutsideOneToAHundredAreRejectedNamingTheField(String limit) {
        assertThatThrownBy(() -> PageRequest.parse(Optional.of(limit), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly("limit"));
    }

    /** Each of them (a range of 100 values is generated exhaustively): a digit the check mishandles, such as 9, shows. */
    @Property
    void limitsFromOneToAHundredAreAccepted(@ForAll @IntRange(min = 1, max = 100) int limit) {
        assertThat(PageRequest.parse(Optional.of(Integer.toString(limit)), Optional.of("abc")).limit()).isEqualTo(limit);
    }

    @Test
    void leadingZerosAreTheSameWholeNumber() {
        assertThat(PageRequest.parse(Optional.of("0100"), Optional.empty()).limit()).isEqualTo(100);
        assertThat(PageRequest.parse(Optional.of("000000005"), Optional.empty()).limit()).isEqualTo(5);
        assertThat(PageRequest.parse(Optional.of("0000000000000005"), Optional.empty()).limit()).isEqualTo(5);
        assertThatThrownBy(() -> PageRequest.parse(Optional.of("000"), Optional.empty())).isInstanceOf(InvalidInputException.class);
    }
}
