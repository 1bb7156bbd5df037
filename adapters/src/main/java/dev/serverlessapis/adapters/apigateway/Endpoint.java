package dev.serverlessapis.adapters.apigateway;

/** One route's behaviour: turns a request into a response, or throws a domain or HTTP failure. */
@FunctionalInterface
public interface Endpoint {
    HttpResponse handle(HttpRequest request);
}
