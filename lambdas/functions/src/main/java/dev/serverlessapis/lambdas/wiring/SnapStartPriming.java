package dev.serverlessapis.lambdas.wiring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.observability.ColdStart;
import dev.serverlessapis.adapters.observability.DynamoDbRetryMetrics;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.RequestObserver;
import dev.serverlessapis.adapters.observability.XRayDaemon;
import dev.serverlessapis.adapters.observability.XRayDynamoDbTracing;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs a function's hot paths once before Lambda SnapStart takes its snapshot, so that restored environments start
 * with that code loaded and initialised. Each handler registers it explicitly; it does anything only where Lambda
 * initializes the function for a snapshot. It primes:
 * <ul>
 *   <li>the HTTP layer: a CORS preflight and a 405 problem document on every resource of the route table;</li>
 *   <li>the DynamoDB client as the function builds it ({@link AwsModule#configured}: the URL-connection HTTP client,
 *       time limits, retries, the X-Ray and retry-metrics interceptors), making one call of each operation the
 *       adapters make ({@link PrimedDynamoDbOperations}), the function's own among them, with a traced invocation.</li>
 * </ul>
 * Its client talks to {@link CannedDynamoDb} on loopback, with throwaway credentials, and sends its subsegments to a
 * loopback socket: no real table is read or written, no credentials are resolved, nothing leaves the execution
 * environment, and no priming request is logged or counted. The function's own client is left untouched, so no
 * connection, credentials or time of the priming end up in it. After a restore the next request is a cold start again.
 */
public final class SnapStartPriming implements Resource {
    /** CRaC holds resources weakly; these must live as long as the execution environment. */
    private static final Set<Resource> REGISTERED = ConcurrentHashMap.newKeySet();
    static final String ORIGIN = "https://snapstart-priming.invalid";
    /** The initialization type Lambda reports while it initializes a version for its snapshot. */
    static final String SNAP_START = "snap-start";
    private static final String PRIMING = "snapstart-priming";
    /** A sampled trace of no real invocation, so the tracing interceptor builds and sends its subsegments (to loopback). */
    private static final String PRIMING_TRACE = "Root=1-00000000-000000000000000000000000;Parent=0000000000000001;Sampled=1";

    private final Configuration configuration;
    private final RouteTable routes;
    private final Cors cors;
    private final ColdStart coldStart;
    private final Clock clock;

    /** What one priming ran: the operations the canned endpoint answered and the subsegments the loopback daemon got. */
    record Primed(Set<String> operations, int subsegments) {
    }

    @Inject
    SnapStartPriming(Configuration configuration, RouteTable routes, Cors cors, ColdStart coldStart, Clock clock) {
        this.configuration = configuration;
        this.routes = routes;
        this.cors = cors;
        this.coldStart = coldStart;
        this.clock = clock;
    }

    /**
     * Registers the priming with the runtime's CRaC context where Lambda initializes the function for a snapshot
     * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); elsewhere it does nothing, since an on-demand cold start
     * would pay for CRaC's set-up and get nothing from it.
     */
    public void registerWhereSnapshotted() {
        if (SNAP_START.equals(configuration.optional(Configuration.INITIALIZATION_TYPE).orElse(""))) {
            REGISTERED.add(this);
            Core.getGlobalContext().register(this);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // The priming kept no connection, credentials or time; only the next request's cold start is to be counted.
        coldStart.restored();
    }

    Primed prime() {
        var http = new HttpFunction(Map.of(), routes, cors, RequestObserver.standalone(PRIMING, PRIMING, line -> { }));
        for (var resource : routes.resources()) {
            http.handle(event("OPTIONS", resource).withHeaders(Map.of("Origin", ORIGIN, "Access-Control-Request-Method", "GET")), PRIMING);
            http.handle(event("PATCH", resource).withHeaders(Map.of("Origin", ORIGIN)), PRIMING);
        }
        try (var canned = CannedDynamoDb.start();
             var daemon = XRayDaemon.at(Optional.of(canned.daemonAddress()));
             var dynamoDb = AwsModule.configured(configuration,
                             new XRayDynamoDbTracing(() -> Optional.of(PRIMING_TRACE), daemon, clock),
                             new DynamoDbRetryMetrics(new EmfMetrics(PRIMING, line -> { }, clock)))
                     .endpointOverride(canned.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(PRIMING, PRIMING)))
                     .build()) {
            PrimedDynamoDbOperations.callEach(dynamoDb);
            return new Primed(canned.operations(), canned.datagrams());
        }
    }

    static int registered() {
        return REGISTERED.size();
    }

    private static APIGatewayProxyRequestEvent event(String method, String resource) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(resource)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId(PRIMING));
    }
}
