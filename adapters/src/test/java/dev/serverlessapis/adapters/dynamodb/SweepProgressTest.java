package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.UserProfiles.Sweep;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A delete-all call answers "deleted N, more" only once it has removed something: before that a store call that stops
 * is "try again", and stopping with nothing done and no stop raised is a defect of ours, never a 200 that did nothing.
 */
class SweepProgressTest {
    private static final Deadline UNHURRIED = Deadline.in(Duration.ofMinutes(1), Clock.systemUTC());
    private static final TemporarilyUnavailableException STOP = new TemporarilyUnavailableException("not now", null);

    @Test
    void aStopBeforeAnythingIsRemovedIsRaised() {
        var progress = new SweepProgress(UNHURRIED);

        assertThatThrownBy(() -> progress.accept(STOP)).isSameAs(STOP);
    }

    @Test
    void aStopOnceSomethingIsRemovedEndsTheCallWithWhatItDeleted() {
        var progress = new SweepProgress(UNHURRIED);
        progress.profilesDeleted(3);

        progress.accept(STOP);

        assertThat(progress.stopped()).isEqualTo(new Sweep(3, true));
    }

    @Test
    void stoppingWithNothingRemovedIsADefectNotAnAnswer() {
        var progress = new SweepProgress(UNHURRIED);
        progress.profilesDeleted(0);

        assertThatThrownBy(progress::stopped).isExactlyInstanceOf(IllegalStateException.class);
    }
}
