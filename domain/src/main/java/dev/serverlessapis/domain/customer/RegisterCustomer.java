package dev.serverlessapis.domain.customer;

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
        public static Command of(Object id) {
            return new Command(CustomerId.of(id));
        }
    }
}
