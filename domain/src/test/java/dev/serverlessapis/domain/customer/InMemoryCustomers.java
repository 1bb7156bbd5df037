package dev.serverlessapis.domain.customer;

import java.util.HashSet;
import java.util.Set;

public final class InMemoryCustomers implements Customers {
    private final Set<CustomerId> ids = new HashSet<>();

    @Override
    public synchronized boolean contains(CustomerId id) {
        return ids.contains(id);
    }

    @Override
    public synchronized void add(CustomerId id) {
        ids.add(id);
    }
}
