package dev.serverlessapis.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.local.ApiSpec;
import dev.serverlessapis.local.LocalStack;
import dev.serverlessapis.local.OutputTee;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import dev.serverlessapis.local.dynamodb.TableProvisioner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * {@code make bench-cold}: every function's cold start, as a fresh JVM per run with Lambda's flags on one core, from
 * launch to its first successful response against DynamoDB Local (in memory, in this JVM, outside the measured
 * one), interleaved with two baselines of the same run: a JVM that prints hello, and a bare SDK client making one
 * read. A second mode runs SnapStart's checkpoint hooks first and times the first invoke after them. Figures depend
 * on the machine: they are printed, never asserted.
 */
public final class BenchCold {
    static final String HELLO = "hello JVM";
    static final String BARE_SDK = "bare SDK DynamoDB client";
    static final String FIXTURE_USER = "cold-start";
    static final String DELETED_USER = "cold-start-deleted";
    /**
     * Every function's ratio divides by the bare client's median, so that median's error is in every ratio at once;
     * three times the samples make it about 40% smaller.
     */
    static final int BARE_RUNS_PER_ROUND = 3;

    private BenchCold() {
    }

    /** @param arguments the Lambda package, then the directory of these probe classes */
    public static void main(String[] arguments) throws Exception {
        var runs = Integer.getInteger("runs", 10);
        var primedRuns = Integer.getInteger("primedRuns", 5);
        var warmUpRounds = Integer.getInteger("warmUpRounds", 300);
        var cpu = Optional.ofNullable(System.getProperty("cpu")).filter(core -> !core.isBlank());
        var classpath = Path.of(arguments[0]).toAbsolutePath() + ":" + Path.of(arguments[1]).toAbsolutePath();
        var spec = ApiSpec.load();
        var requests = Requests.forEveryFunctionOf(spec);
        var started = System.nanoTime();
        var store = new StoreTime();
        try (var dynamoDb = LocalDynamoDb.start(Optional.empty(), store)) {
            new TableProvisioner(dynamoDb.client()).provision(spec.tables(), Map.of());
            var warmed = new StoreWarmUp(dynamoDb.client()).warm(warmUpRounds);
            System.err.println(warmed.summary());
            var settings = new LocalStack.Settings(0, Optional.empty(), List.of(), Optional.empty(), false, 0);
            LocalStack.configureFunctions(spec, dynamoDb.endpoint(), settings);
            // The fixtures' requests run in this JVM: their log lines and EMF documents are not the report.
            OutputTee.install(line -> !line.startsWith("{"));
            var jvm = new MeasuredJvm(Path.of(System.getProperty("java.home"), "bin", "java"), cpu, classpath,
                    functionEnvironment(LocalStack.functionEnvironment(spec, dynamoDb.endpoint(), settings)));
            var counters = spec.table("hit-counters");

            var subjects = new ArrayList<Subject>();
            subjects.add(new Subject(HELLO, "dev.serverlessapis.coldstart.HelloProbe", List.of()));
            var bare = new Subject(BARE_SDK, "dev.serverlessapis.coldstart.BareSdkProbe", List.of(dynamoDb.endpoint().toString(),
                    LocalDynamoDb.REGION, counters.name(), counters.seeding().orElseThrow().defaults().getFirst()));
            subjects.addAll(Collections.nCopies(BARE_RUNS_PER_ROUND, bare));
            requests.forEach((function, request) -> subjects.add(Subject.handler(spec.function(function), "cold", request)));
            var primed = new ArrayList<Subject>();
            requests.forEach((function, request) -> primed.add(Subject.handler(spec.function(function), "primed", request)));

            var random = new Random(13);
            var results = new LinkedHashMap<String, List<Report.Measured>>();
            var primedResults = new LinkedHashMap<String, List<Report.Measured>>();
            for (int round = 0; round < Math.max(runs, primedRuns); round++) {
                var order = new ArrayList<Map.Entry<Subject, Map<String, List<Report.Measured>>>>();
                if (round < runs) {
                    subjects.forEach(subject -> order.add(Map.entry(subject, results)));
                }
                if (round < primedRuns) {
                    primed.forEach(subject -> order.add(Map.entry(subject, primedResults)));
                }
                Collections.shuffle(order, random);
                for (var next : order) {
                    prepareFixtures(spec);
                    store.open();
                    var run = jvm.run(next.getKey().mainClass(), next.getKey().arguments(), next.getKey().environment());
                    next.getValue().computeIfAbsent(next.getKey().name(), name -> new ArrayList<>()).add(new Report.Measured(run, store.close()));
                }
                System.err.printf("round %d of %d done%n", round + 1, Math.max(runs, primedRuns));
            }
            new Report(subjects.stream().map(Subject::name).distinct().toList(), results, primedResults, runs, primedRuns, cpu,
                    warmed, (System.nanoTime() - started) / 1e9).print(System.out);
        }
        // DynamoDB Local leaves a non-daemon scheduler thread behind after it stops, which would keep this JVM alive.
        System.exit(0);
    }

    record Subject(String name, String mainClass, List<String> arguments, Map<String, String> environment) {
        Subject(String name, String mainClass, List<String> arguments) {
            this(name, mainClass, arguments, Map.of());
        }

        /** Lambda tells a function how it is initialized: {@code on-demand}, or {@code snap-start} before a snapshot. */
        static Subject handler(ApiSpec.Function function, String mode, Requests.Request request) {
            var arguments = new ArrayList<String>(List.of(function.handlerClass(), mode));
            arguments.addAll(request.arguments());
            return new Subject(function.name(), "dev.serverlessapis.coldstart.HandlerProbe", arguments,
                    Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", mode.equals("primed") ? "snap-start" : "on-demand"));
        }
    }

    /**
     * The local stack's function environment, as environment variables like on Lambda, with what Lambda itself adds for
     * the functions' logging_config and active tracing: JSON lines from INFO, and a sampled trace, so the first request
     * also builds and sends its DynamoDB subsegments (to a daemon address nobody reads).
     */
    private static Map<String, String> functionEnvironment(Map<String, String> local) {
        var environment = new LinkedHashMap<>(local);
        environment.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        environment.put("_X_AMZN_TRACE_ID", "Root=1-6955b900-0123456789abcdef01234567;Parent=1234567890abcdef;Sampled=1");
        return environment;
    }

    /**
     * The profiles that reading, replacing and deleting one need, made again before every run (outside the clock).
     * Each create is an invocation of its own, with a request id of its own as on Lambda: the profile's incarnation is
     * named by it, and the deleted fixture created again under a name it had before would be its old incarnation.
     */
    private static void prepareFixtures(ApiSpec spec) {
        var create = spec.function("user-profile-post").newHandler();
        for (var id : List.of(FIXTURE_USER, DELETED_USER)) {
            var requestId = UUID.randomUUID().toString();
            var response = create.handleRequest(new APIGatewayProxyRequestEvent()
                    .withHttpMethod("POST").withResource("/users").withPath("/users")
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{\"id\":\"" + id + "\",\"name\":\"Cold Start\"}")
                    .withRequestContext(HandlerProbe.context(requestId, "cold-start")),
                    new ProbeContext(requestId, "user-profile-post"));
            if (response.getStatusCode() != 201 && response.getStatusCode() != 409) {
                throw new IllegalStateException("could not create the fixture profile " + id + ": " + response.getBody());
            }
        }
    }
}
