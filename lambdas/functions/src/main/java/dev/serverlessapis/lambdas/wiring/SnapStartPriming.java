package dev.serverlessapis.lambdas.wiring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.observability.ColdStart;
import dev.serverlessapis.adapters.observability.RequestObserver;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs the hot paths once before Lambda SnapStart takes its snapshot, so restored environments start with those
 * classes loaded and initialised: the HTTP layer (a CORS preflight and a 405 problem document on every resource) and
 * the DynamoDB SDK's request pipeline (marshalling, signing, endpoint rules, unmarshalling of a read that finds
 * nothing), and the request log line and metrics, written nowhere. It writes nothing and sends nothing: the SDK call
 * goes to an in-memory HTTP client with throwaway credentials and no interceptors, so no real credentials,
 * connection, clock reading or random value ends up in the snapshot, and no priming request is logged or counted.
 * After a restore the function's next request is a cold start again.
 */
public final class SnapStartPriming implements Resource {
    /** CRaC holds resources weakly; these must live as long as the execution environment. */
    private static final Set<Resource> REGISTERED = ConcurrentHashMap.newKeySet();
    static final String ORIGIN = "https://snapstart-priming.invalid";
    /** The initialization type Lambda reports while it initializes a version for its snapshot. */
    static final String SNAP_START = "snap-start";
    private static final String PRIMING = "snapstart-priming";

    private final RouteTable routes;
    private final Cors cors;
    private final Region region;
    private final ColdStart coldStart;
    private final AtomicInteger sdkCalls = new AtomicInteger();

    SnapStartPriming(RouteTable routes, Cors cors, Region region, ColdStart coldStart) {
        this.routes = routes;
        this.cors = cors;
        this.region = region;
        this.coldStart = coldStart;
    }

    static void register(RouteTable routes, Cors cors, Region region, ColdStart coldStart) {
        var priming = new SnapStartPriming(routes, cors, region, coldStart);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
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

    void prime() {
        var http = new HttpFunction(Map.of(), routes, cors, RequestObserver.standalone(PRIMING, PRIMING, line -> { }));
        for (var resource : routes.resources()) {
            http.handle(event("OPTIONS", resource).withHeaders(Map.of("Origin", ORIGIN, "Access-Control-Request-Method", "GET")), PRIMING);
            http.handle(event("PATCH", resource).withHeaders(Map.of("Origin", ORIGIN)), PRIMING);
        }
        try (var dynamoDb = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .httpClient(new EmptyReadHttpClient())
                .build()) {
            dynamoDb.getItem(get -> get.tableName("snapstart-priming").consistentRead(true)
                    .key(Map.of("id", AttributeValue.fromS("absent"))));
        }
    }

    static int registered() {
        return REGISTERED.size();
    }

    int sdkCalls() {
        return sdkCalls.get();
    }

    private static APIGatewayProxyRequestEvent event(String method, String resource) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(resource)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId(PRIMING));
    }

    /** Answers every request as DynamoDB answers a GetItem of a key that does not exist. */
    private final class EmptyReadHttpClient implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    sdkCalls.incrementAndGet();
                    var body = "{}".getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", Integer.toString(body.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }

        @Override
        public String clientName() {
            return "SnapStartPriming";
        }
    }
}
