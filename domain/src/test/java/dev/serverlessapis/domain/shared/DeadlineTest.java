package dev.serverlessapis.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    @Test
    void theEarlierOfTwoIsWhicheverPassesFirstWhicheverAsks() {
        var soon = Deadline.in(Duration.ofSeconds(1), CLOCK);
        var later = Deadline.in(Duration.ofSeconds(4), CLOCK);

        assertThat(soon.earlier(later)).isSameAs(soon);
        assertThat(later.earlier(soon)).isSameAs(soon);
        assertThat(later.earlier(soon).remaining()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void thePassedOneIsTheEarlierAndHasNoTimeLeft() {
        var passed = new Deadline(CLOCK, Instant.EPOCH.minusSeconds(1));

        assertThat(Deadline.in(Duration.ofSeconds(4), CLOCK).earlier(passed).passed()).isTrue();
        assertThat(passed.remaining()).isZero();
    }
}
