package dev.serverlessapis.domain.customer;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.Violation;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CustomersTest {
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final CheckCustomer checkCustomer = new CheckCustomer(customers);
    private final RegisterCustomer registerCustomer = new RegisterCustomer(customers);

    @Test
    void aRegisteredIdIsKnownAndRegisteringItAgainIsHarmless() {
        assertThat(checkCustomer.isKnown(CheckCustomer.Query.of("c-1"))).isFalse();

        assertThat(registerCustomer.register(RegisterCustomer.Command.of(ADMIN, "c-1")).value()).isEqualTo("c-1");
        registerCustomer.register(RegisterCustomer.Command.of(ADMIN, "c-1"));

        assertThat(checkCustomer.isKnown(CheckCustomer.Query.of("c-1"))).isTrue();
        assertThat(checkCustomer.isKnown(CheckCustomer.Query.of("c-2"))).isFalse();
    }

    @Test
    void idsOfUpTo256CharactersAreAccepted() {
        assertThat(new CustomerId("x".repeat(256)).value()).hasSize(256);
        assertThat(new CustomerId("c-\u00e9").value()).as("composed").isEqualTo("c-\u00e9");
    }

    static Stream<Object> invalidIds() {
        return Arrays.stream(new Object[] {null, "", " ", "\t\n", " padded ", "a b", "a\tb", "a\nb", "a\u00a0b", "a\u2003b", "a\u3000b", "a\u2007b", "a\u202fb",
                "a\u200bb", "a\u200cb", "a\u200db", "a\u2060b", "\ufeffc-1", "c-1\u0085", "a\u0085b", "c\u00ad1", "\u3164", "c-1\u200e", "c\u2066-1", "c-1\ufe0f", "c-1\udb40\udc20", "c\u0000d", "a\u007fb", "a\u009fb", "x".repeat(257), 42, true, "\ud800", "a\udfff",
                // Decomposed: a look-alike of the composed id "c-\u00e9".
                "c-e\u0301"});
    }

    @ParameterizedTest
    @MethodSource("invalidIds")
    void missingEmptyBlankOverlongOrNonStringIdsAreRefusedNamingTheField(Object id) {
        assertThatThrownBy(() -> RegisterCustomer.Command.of(ADMIN, id))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting(Violation::field).containsExactly("id"));
        assertThatThrownBy(() -> CheckCustomer.Query.of(id)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyAnAdminMayRegisterAndThatIsCheckedBeforeTheId() {
        assertThatThrownBy(() -> RegisterCustomer.Command.of(dev.serverlessapis.domain.shared.Callers.person("ada"), null))
                .isInstanceOf(dev.serverlessapis.domain.shared.ForbiddenException.class);
        assertThatThrownBy(() -> RegisterCustomer.Command.of(dev.serverlessapis.domain.shared.Callers.ANONYMOUS, "c-1"))
                .isInstanceOf(dev.serverlessapis.domain.shared.UnauthenticatedException.class);
        assertThat(checkCustomer.isKnown(CheckCustomer.Query.of("c-1"))).isFalse();
    }
}
