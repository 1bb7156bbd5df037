package dev.serverlessapis.adapters.apigateway;

import java.util.Locale;
import java.util.Objects;

/** A method on a resource template, as API Gateway names them: {@code GET /users/{id}}. */
public record Route(String method, String resource) {
    public Route {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(resource, "resource");
    }

    public static Route of(String method, String resource) {
        return new Route(method, resource);
    }

    // Written out because a record's own equals and hashCode are bootstrapped through invokedynamic at their first
    // call, and every function's start-up makes that call: its endpoints are a map keyed by Route.
    @Override
    public boolean equals(Object other) {
        return other instanceof Route route && method.equals(route.method) && resource.equals(route.resource);
    }

    @Override
    public int hashCode() {
        return 31 * method.hashCode() + resource.hashCode();
    }
}
