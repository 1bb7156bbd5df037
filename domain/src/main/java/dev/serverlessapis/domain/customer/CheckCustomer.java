package dev.serverlessapis.domain.customer;

import java.util.Objects;

/** Tells whether an id is a known customer's. */
public final class CheckCustomer {
    private final Customers customers;

    public CheckCustomer(Customers customers) {
        this.customers = customers;
    }

    public boolean isKnown(Query query) {
        return customers.contains(query.id());
    }

    public record Query(CustomerId id) {
        public Query {
            Objects.requireNonNull(id, "id");
        }

        public static Query of(Object id) {
            return new Query(CustomerId.of(id));
        }
    }
}
