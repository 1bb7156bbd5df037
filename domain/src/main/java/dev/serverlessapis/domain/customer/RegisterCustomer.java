package dev.serverlessapis.domain.customer;

import dev.serverlessapis.domain.shared.Caller;
import java.util.Objects;

/** Records a customer's id; registering a known id again is harmless. */
public final class RegisterCustomer {
    private final Customers customers;

    public RegisterCustomer(Customers customers) {
        this.customers = customers;
    }

    public CustomerId register(Command command) {
        customers.add(command.id());
        return command.id();
    }

    public record Command(CustomerId id) {
        public Command {
            Objects.requireNonNull(id, "id");
        }

        /** Only an admin may register ({@link CustomerAccess}); that is checked before the id is. */
        public static Command of(Caller caller, Object id) {
            CustomerAccess.requireMayRegister(caller);
            return new Command(CustomerId.of(id));
        }
    }
}
