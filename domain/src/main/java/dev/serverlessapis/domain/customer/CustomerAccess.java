package dev.serverlessapis.domain.customer;

import dev.serverlessapis.domain.shared.Caller;

/** Anyone may ask whether a customer id is known; only admins may register one. */
public final class CustomerAccess {
    private CustomerAccess() {
    }

    public static void requireMayRegister(Caller caller) {
        caller.requireAdmin("register a customer");
    }
}
