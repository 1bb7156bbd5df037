package dev.serverlessapis.adapters.apigateway;

import java.util.Locale;

/** A method on a resource template, as API Gateway names them: {@code GET /users/{id}}. */
public record Route(String method, String resource) {
    public Route {
        method = method.toUpperCase(Locale.ROOT);
    }

    public static Route of(String method, String resource) {
        return new Route(method, resource);
    }
}
