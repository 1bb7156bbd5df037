package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.adapters.dynamodb.DynamoDbHitCounters;
import dev.serverlessapis.domain.counter.CounterName;
import dev.serverlessapis.domain.counter.CounterReading;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import dev.serverlessapis.local.dynamodb.TableProvisioner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code make run} counted is still there after a restart: data lives in files, and seeding never resets it. */
class LocalDynamoDbPersistenceTest {
    private static final CounterName COUNTER = new CounterName("cloud-resume");

    @Test
    void countsSurviveARestartAndReseeding(@TempDir Path dataDirectory) {
        var spec = ApiSpec.load();
        try (var first = LocalDynamoDb.start(Optional.of(dataDirectory))) {
            new TableProvisioner(first.client()).provision(spec.tables(), Map.of());
            var counters = new DynamoDbHitCounters(first.client(), "hit-counters", Clock.systemUTC());
            counters.increment(COUNTER);
            counters.increment(COUNTER);
        }
        try (var second = LocalDynamoDb.start(Optional.of(dataDirectory))) {
            new TableProvisioner(second.client()).provision(spec.tables(), Map.of());
            var counters = new DynamoDbHitCounters(second.client(), "hit-counters", Clock.systemUTC());

            assertThat(counters.increment(COUNTER)).map(CounterReading::value).contains(3L);
        }
    }
}
