package dev.serverlessapis.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code make bench}: latency and throughput of the local stack over loopback HTTP, through the emulator, the real
 * handlers and DynamoDB Local (in memory). Every loop is bounded; figures depend on the machine, so they are
 * printed, never asserted.
 */
public final class Bench {
    private static final int WARMUP = 300;
    private static final int SEQUENTIAL = 1_000;
    private static final int CONCURRENT = 2_000;
    private static final int CLIENTS = 16;

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    /** An admin's ID token for the routes that need a sign-in: the emulator verifies it on each request. */
    private final String idToken;

    private Bench(URI base, String idToken) {
        this.base = base;
        this.idToken = idToken;
    }

    public static void main(String[] arguments) throws Exception {
        var report = System.out;
        // The emulator logs every request to standard output; a benchmark's million lines would drown the figures.
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try (var stack = LocalStack.start(new LocalStack.Settings(0, Optional.empty(), List.of(), Optional.empty(), false, 0))) {
            var bench = new Bench(stack.baseUrl(), LocalTokens.passwordGrant(stack.issuer(), "bench", true));
            var scenarios = List.<Scenario>of(
                    new Scenario("POST /counters/cloud-resume", () -> bench.post("/counters/cloud-resume")),
                    new Scenario("GET  /counters/cloud-resume", () -> bench.get("/counters/cloud-resume")),
                    new Scenario("POST /chirp", () -> bench.postJson("/chirp", """
                            {"userId":"bench","text":"benchmark chirp"}""")),
                    new Scenario("GET  /chirp?userId=bench", () -> bench.get("/chirp?userId=bench")),
                    new Scenario("GET  /chirp (feed)", () -> bench.get("/chirp")),
                    new Scenario("POST /users", () -> bench.postJson("/users", """
                            {"name":"Bench","tags":[1,2,3]}""")),
                    new Scenario("PUT  /customers", () -> bench.putJson("/customers", """
                            {"id":"bench"}""")),
                    new Scenario("GET  /customers?id=bench", () -> bench.get("/customers?id=bench")));
            report.printf("%-32s %8s %8s %8s %8s %12s%n", "scenario", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s (x" + CLIENTS + ")");
            for (var scenario : scenarios) {
                bench.repeat(scenario, WARMUP);
                var latencies = bench.repeat(scenario, SEQUENTIAL);
                var throughput = bench.throughput(scenario);
                report.printf("%-32s %8.2f %8.2f %8.2f %8.2f %12.0f%n", scenario.name(),
                        percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                        percentile(latencies, 100), throughput);
            }
        }
        // DynamoDB Local leaves a non-daemon scheduler thread behind after it stops, which would keep this JVM alive.
        System.exit(0);
    }

    record Scenario(String name, Callable<Integer> request) {
    }

    private double[] repeat(Scenario scenario, int times) throws Exception {
        var millis = new double[times];
        for (int i = 0; i < times; i++) {
            var started = System.nanoTime();
            expectOk(scenario.request().call());
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private double throughput(Scenario scenario) throws Exception {
        var remaining = new AtomicInteger(CONCURRENT);
        var started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
            var workers = new ArrayList<Future<?>>();
            for (int i = 0; i < CLIENTS; i++) {
                workers.add(pool.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        expectOk(scenario.request().call());
                    }
                    return null;
                }));
            }
            for (var worker : workers) {
                worker.get();
            }
        }
        return CONCURRENT / ((System.nanoTime() - started) / 1e9);
    }

    private int post(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int postJson(String path, String json) throws Exception {
        return sendJson("POST", path, json);
    }

    private int putJson(String path, String json) throws Exception {
        return sendJson("PUT", path, json);
    }

    private int sendJson(String method, String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + idToken)
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void expectOk(int status) {
        if (status / 100 != 2) {
            throw new IllegalStateException("benchmark request failed with " + status);
        }
    }

    private static double percentile(double[] sorted, int percentile) {
        var index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
