package dev.serverlessapis.lambdas.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.adapters.dynamodb.RequestDeadlineTimeouts;
import dev.serverlessapis.adapters.observability.DynamoDbRetryMetrics;
import dev.serverlessapis.adapters.observability.EmfMetrics;
import dev.serverlessapis.adapters.observability.XRayDynamoDbTracing;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interceptors the adapters and the observability rely on are on the client the wiring builds: without
 * {@link RequestDeadlineTimeouts} a call could outlive its request, without the other two DynamoDB's calls would go
 * untraced and uncounted.
 */
class DynamoDbClientWiringTest {
    @AfterEach
    void clearSettings() {
        List.of(Configuration.DYNAMODB_ENDPOINT, Configuration.AWS_REGION).forEach(System::clearProperty);
    }

    @Test
    void theClientCarriesEveryInterceptorTheAdaptersRelyOn() {
        System.setProperty(Configuration.DYNAMODB_ENDPOINT, "http://127.0.0.1:9");
        System.setProperty(Configuration.AWS_REGION, "eu-west-1");
        var configuration = new Configuration();
        try (var client = AwsModule.dynamoDb(configuration, new CurrentTraceHeader(configuration),
                new EmfMetrics("test", line -> { }, Clock.systemUTC()), Clock.systemUTC())) {
            var interceptors = client.serviceClientConfiguration().overrideConfiguration().executionInterceptors();

            assertThat(interceptors).map(Object::getClass).contains(RequestDeadlineTimeouts.class,
                    XRayDynamoDbTracing.class, DynamoDbRetryMetrics.class);
        }
    }
}
