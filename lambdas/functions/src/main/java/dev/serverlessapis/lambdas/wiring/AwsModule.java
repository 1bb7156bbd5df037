package dev.serverlessapis.lambdas.wiring;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.dynamodb.RequestDeadlineTimeouts;
import dev.serverlessapis.adapters.observability.DynamoDbRetryMetrics;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.XRayDaemon;
import dev.serverlessapis.adapters.observability.XRayDynamoDbTracing;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The DynamoDB client, built once per execution environment with everything explicit (no default chains), and with
 * time limits: a store that stops answering ends the request with a 503 long before Lambda's or API Gateway's timeout.
 * Each call is also capped at the time its request has left ({@link RequestDeadlineTimeouts}), so a request making
 * several calls is bounded as a whole.
 * Each call is traced as an X-Ray subsegment where the invocation is traced, and its retries and throttles are counted.
 */
@Module
public final class AwsModule {
    /**
     * One attempt of an SDK call: the HTTP client's read timeout, and its connect timeout up to {@link #CONNECT_TIMEOUT}.
     * The SDK's own attempt timeout, which aborts the connection from another thread, is a backstop half as long again,
     * for an answer that trickles in: aborting a URL connection while it connects fails with a NullPointerException
     * inside the JDK, not a timeout.
     */
    public static final String ATTEMPT_TIMEOUT = "DYNAMODB_ATTEMPT_TIMEOUT_MS";
    /** One SDK call, its retries and their back-off included. */
    public static final String CALL_TIMEOUT = "DYNAMODB_CALL_TIMEOUT_MS";
    /** Attempts per SDK call, the first included. */
    public static final String MAX_ATTEMPTS = "DYNAMODB_MAX_ATTEMPTS";
    /**
     * With these defaults a stalled store fails a call after 5 s, so a request answers 503 within about 5 s: inside the
     * functions' 10 s Terraform timeout ({@code function_timeout}) and API Gateway's 29 s. Three attempts of at most
     * 2 s each fit the 5 s with the SDK's back-off between them.
     */
    static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    /**
     * The longest a connect may take; DynamoDB's endpoint in the region takes milliseconds, and a connect that times out
     * is tried again. Neither the request's cap on a call nor the SDK's attempt timeout can cut a connect under way, so
     * this is how far a call may overrun its request's deadline: less than the margin the HTTP layer keeps back to
     * answer in (500 ms), or a store whose address takes no connection would outlast the function.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(250);

    private AwsModule() {
    }

    @Provides
    @Singleton
    static Configuration configuration() {
        return new Configuration();
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamoDb(Configuration configuration, CurrentTraceHeader traceHeader, EmfMetrics metrics, Clock clock) {
        var tracing = new XRayDynamoDbTracing(traceHeader, XRayDaemon.at(configuration.optional(Configuration.XRAY_DAEMON_ADDRESS)), clock);
        var builder = configured(configuration, tracing, new DynamoDbRetryMetrics(metrics));
        var localEndpoint = configuration.optional(Configuration.DYNAMODB_ENDPOINT);
        if (localEndpoint.isPresent()) {
            return builder.endpointOverride(URI.create(localEndpoint.get())).credentialsProvider(localOnly()).build();
        }
        return builder.credentialsProvider(lambdaRole()).build();
    }

    /**
     * The client as every function builds it, all but its endpoint and credentials: the HTTP client, time limits,
     * retries, region and the interceptors. SnapStart's priming builds its own client from this too, so that what it
     * warms is the code a restored function runs.
     */
    static DynamoDbClientBuilder configured(Configuration configuration, XRayDynamoDbTracing tracing, DynamoDbRetryMetrics retryMetrics) {
        var attemptTimeout = configuration.milliseconds(ATTEMPT_TIMEOUT, DEFAULT_ATTEMPT_TIMEOUT);
        var callTimeout = configuration.milliseconds(CALL_TIMEOUT, DEFAULT_CALL_TIMEOUT);
        var maxAttempts = configuration.integer(MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS);
        if (attemptTimeout.compareTo(callTimeout) > 0 || maxAttempts < 1) {
            throw new IllegalStateException("DynamoDB time limits make no sense: an attempt of " + attemptTimeout
                    + " in a call of " + callTimeout + ", " + maxAttempts + " attempts");
        }
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(attemptTimeout.compareTo(CONNECT_TIMEOUT) < 0 ? attemptTimeout : CONNECT_TIMEOUT)
                        .socketTimeout(attemptTimeout)
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(attemptTimeout.multipliedBy(3).dividedBy(2))
                        .apiCallTimeout(callTimeout)
                        .retryStrategy(retries(maxAttempts))
                        .addExecutionInterceptor(new RequestDeadlineTimeouts(callTimeout))
                        .addExecutionInterceptor(tracing)
                        .addExecutionInterceptor(retryMetrics)
                        .build())
                .region(Region.of(configuration.required(Configuration.AWS_REGION)));
    }

    /**
     * The SDK's standard retries, and also of a single-item write that met a transaction in progress on its item:
     * DynamoDB answers it with a 400 the standard policy leaves alone, though the item is free again once that
     * transaction ends (a visit counted while the page's idempotent visits hold the counter in theirs). Transactions
     * meeting each other are cancelled instead, and tried again by the adapters.
     */
    static RetryStrategy retries(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .retryOnException(TransactionConflictException.class)
                .maxAttempts(maxAttempts)
                .build();
    }

    /**
     * The execution role's credentials: Lambda puts them in environment variables, except under SnapStart, where it
     * serves them from a container endpoint instead. Both are resolved at the first call after restore, never
     * before the snapshot (the priming uses its own client with throwaway credentials), and renewed before they expire.
     */
    static AwsCredentialsProvider lambdaRole() {
        return AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create());
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    /** DynamoDB Local accepts any key; fixed ones guarantee a developer's real credentials are never sent anywhere. */
    private static AwsCredentialsProvider localOnly() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
