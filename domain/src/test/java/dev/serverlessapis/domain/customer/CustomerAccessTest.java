package dev.serverlessapis.domain.customer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.ForbiddenException;
import dev.serverlessapis.domain.shared.UnauthenticatedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's {@code PUT /customers} row; {@code GET /customers?id=X} is open to anyone and has no rule. */
class CustomerAccessTest {
    @Test
    void onlyAdminsRegisterCustomers() {
        assertThatCode(() -> CustomerAccess.requireMayRegister(Caller.signedIn("ada", List.of(Caller.ADMINS))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CustomerAccess.requireMayRegister(Caller.signedIn("bob", List.of("editors"))))
                .isExactlyInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> CustomerAccess.requireMayRegister(Caller.anonymous()))
                .isExactlyInstanceOf(UnauthenticatedException.class);
    }
}
