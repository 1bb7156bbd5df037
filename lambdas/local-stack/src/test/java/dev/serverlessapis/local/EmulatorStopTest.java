package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Stopping the emulator (as SIGTERM does through the local stack) lets a request in flight finish with its answer. */
class EmulatorStopTest {
    @Test
    void aRequestInFlightWhenTheEmulatorStopsIsStillAnswered() throws Exception {
        var emulator = ApiGatewayEmulator.start(EchoHandler.spec(EchoHandler.route("GET", "/echo/{id}", ApiSpec.Route.PUBLIC)),
                0, new StaticPage(), new LocalMetrics(), null);
        try (var client = HttpClient.newHttpClient()) {
            var inFlight = client.sendAsync(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/echo/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);

            var stopped = CompletableFuture.runAsync(emulator::close);

            assertThat(inFlight.get().statusCode()).isEqualTo(201);
            stopped.get();
        }
    }
}
