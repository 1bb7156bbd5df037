package dev.serverlessapis.adapters.apigateway.customer;

import dev.serverlessapis.adapters.apigateway.HttpRequest;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.adapters.apigateway.JsonBody;
import dev.serverlessapis.domain.customer.CheckCustomer;
import dev.serverlessapis.domain.customer.RegisterCustomer;
import java.util.LinkedHashMap;
import java.util.Map;

/** The customers API of the course material: {@code GET} asks whether an id is known, {@code PUT} records one. */
public final class CustomerEndpoints {
    public static final String RESOURCE = "/customers";

    private final CheckCustomer checkCustomer;
    private final RegisterCustomer registerCustomer;

    public CustomerEndpoints(CheckCustomer checkCustomer, RegisterCustomer registerCustomer) {
        this.checkCustomer = checkCustomer;
        this.registerCustomer = registerCustomer;
    }

    public HttpResponse check(HttpRequest request) {
        var query = CheckCustomer.Query.of(request.query("id").orElse(null));
        var body = new LinkedHashMap<String, Object>();
        body.put("id", query.id().value());
        body.put("customerInDB", checkCustomer.isKnown(query));
        return HttpResponse.json(200, body);
    }

    /**
     * Only {@code id} is read from the body, and only it is stored; other members are ignored. The body is read first,
     * as on every route, so what is refused while it is read (JSON that is not well-formed, a member named twice) is a
     * 400 for anyone; then the domain's access rule, so a non-admin is a 403 whatever {@code id} holds.
     */
    public HttpResponse register(HttpRequest request) {
        var received = JsonBody.objectOf(request);
        var id = registerCustomer.register(RegisterCustomer.Command.of(request.caller(), received.get("id")));
        var body = new LinkedHashMap<String, Object>();
        body.put("customer", Map.of("id", id.value()));
        body.put("message", "success");
        return HttpResponse.json(200, body);
    }
}
