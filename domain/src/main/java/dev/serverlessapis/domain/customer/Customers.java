package dev.serverlessapis.domain.customer;

/** The ids of known customers. */
public interface Customers {
    boolean contains(CustomerId id);

    /** Records the id; recording a known id again changes nothing. */
    void add(CustomerId id);
}
