package dev.serverlessapis.domain.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

class ReadCounterTest {
    private final InMemoryHitCounters counters = new InMemoryHitCounters().provision("cloud-resume", 41);
    private final ReadCounter readCounter = new ReadCounter(counters);

    @Test
    void readsWithoutCounting() {
        var query = ReadCounter.Query.of("cloud-resume");

        assertThat(readCounter.read(query).value()).isEqualTo(41);
        assertThat(readCounter.read(query).value()).isEqualTo(41);
    }

    @Test
    void anUnprovisionedCounterIsNotFound() {
        assertThatThrownBy(() -> readCounter.read(ReadCounter.Query.of("nope"))).isInstanceOf(NotFoundException.class);
    }
}
