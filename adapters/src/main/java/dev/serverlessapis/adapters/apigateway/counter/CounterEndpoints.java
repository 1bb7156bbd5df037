package dev.serverlessapis.adapters.apigateway.counter;

import dev.serverlessapis.adapters.apigateway.HttpRequest;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.domain.counter.CounterReading;
import dev.serverlessapis.domain.counter.IncrementCounter;
import dev.serverlessapis.domain.counter.ReadCounter;
import java.util.LinkedHashMap;

/** The hit counter over HTTP: {@code POST} counts a visit, {@code GET} reads. */
public final class CounterEndpoints {
    public static final String RESOURCE = "/counters/{name}";

    private final IncrementCounter incrementCounter;
    private final ReadCounter readCounter;

    public CounterEndpoints(IncrementCounter incrementCounter, ReadCounter readCounter) {
        this.incrementCounter = incrementCounter;
        this.readCounter = readCounter;
    }

    public HttpResponse increment(HttpRequest request) {
        var command = IncrementCounter.Command.of(request.pathParameter("name"), request.header("Idempotency-Key"));
        return asJson(incrementCounter.increment(command));
    }

    public HttpResponse read(HttpRequest request) {
        return asJson(readCounter.read(ReadCounter.Query.of(request.pathParameter("name"))));
    }

    private static HttpResponse asJson(CounterReading reading) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", reading.name().value());
        body.put("value", reading.value());
        return HttpResponse.json(200, body);
    }
}
