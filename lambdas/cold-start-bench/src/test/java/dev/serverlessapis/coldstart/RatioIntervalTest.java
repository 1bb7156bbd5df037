package dev.serverlessapis.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {
    /** Rounds of a host whose speed drifts by up to 40%, as a busy one does: the bare client's three runs, then a function's. */
    private static double[][] rounds(double ratio, double noise, long seed) {
        var random = new Random(seed);
        var subject = new double[10];
        var bare = new double[30];
        for (int round = 0; round < 10; round++) {
            var host = 700 * (1 + 0.4 * random.nextDouble());
            for (int i = 0; i < 3; i++) {
                bare[round * 3 + i] = host * (1 + noise * random.nextGaussian());
            }
            subject[round] = host * ratio * (1 + noise * random.nextGaussian());
        }
        return new double[][] {subject, bare};
    }

    @Test
    void aFunctionOneFifthSlowerThanTheBareClientIsSoWithinItsInterval() {
        var runs = rounds(1.2, 0.03, 1);
        var interval = RatioInterval.of(runs[0], runs[1], 3);
        assertThat(interval[0]).isLessThan(1.2).isGreaterThan(1.10);
        assertThat(interval[1]).isGreaterThan(1.2);
    }

    @Test
    void aFunctionAsFastAsTheBareClientHasAnIntervalAroundOne() {
        var runs = rounds(1.0, 0.03, 2);
        var interval = RatioInterval.of(runs[0], runs[1], 3);
        assertThat(interval[0]).isLessThan(1.0);
        assertThat(interval[1]).isGreaterThan(1.0).isLessThan(1.10);
    }

    /** Pairing by round keeps the host's drift out: unpaired, a 40% drift would make these intervals far wider. */
    @Test
    void theHostsDriftBetweenRoundsDoesNotWidenTheInterval() {
        var runs = rounds(1.0, 0.01, 3);
        var interval = RatioInterval.of(runs[0], runs[1], 3);
        assertThat(interval[1] - interval[0]).isLessThan(0.06);
    }

    @Test
    void theSameRunsGiveTheSameIntervalAndRunsOfAnotherShapeAreRefused() {
        var runs = rounds(1.1, 0.05, 4);
        assertThat(RatioInterval.of(runs[0], runs[1], 3)).containsExactly(RatioInterval.of(runs[0], runs[1], 3));
        assertThatThrownBy(() -> RatioInterval.of(runs[0], runs[1], 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
