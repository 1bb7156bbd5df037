package dev.serverlessapis.lambdas.wiring;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.observability.DynamoDbRetryMetrics;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.XRayDaemon;
import dev.serverlessapis.adapters.observability.XRayDynamoDbTracing;
import java.net.URI;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client, built once per execution environment with everything explicit (no default chains), each call
 * traced as an X-Ray subsegment where the invocation is traced, and its retries and throttles counted.
 */
@Module
public final class AwsModule {
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
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override
                        .addExecutionInterceptor(tracing)
                        .addExecutionInterceptor(new DynamoDbRetryMetrics(metrics)))
                .region(Region.of(configuration.required(Configuration.AWS_REGION)));
        return configuration.optional(Configuration.DYNAMODB_ENDPOINT)
                .map(endpoint -> builder.endpointOverride(URI.create(endpoint)).credentialsProvider(localOnly()))
                .orElseGet(() -> builder.credentialsProvider(lambdaRole()))
                .build();
    }

    /**
     * The execution role's credentials: Lambda puts them in environment variables, except under SnapStart, where it
     * serves them from a container endpoint instead. Both are resolved at the first call after restore, never
     * before the snapshot (the priming uses throwaway credentials), and renewed before they expire.
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
