package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.adapters.deadline.RequestDeadline;
import dev.serverlessapis.domain.shared.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

class RequestDeadlineTimeoutsTest {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);

    private final RequestDeadlineTimeouts timeouts = new RequestDeadlineTimeouts(CALL_TIMEOUT);
    private final GetItemRequest request = GetItemRequest.builder().tableName("hit-counters").build();

    @Test
    void outsideARequestTheCallIsLeftAsItIs() {
        assertThat(modified(request)).isSameAs(request);
    }

    @Test
    void aRequestWithMoreTimeLeftThanTheClientsTimeoutKeepsTheCallAsItIs() {
        var modified = RequestDeadline.within(Deadline.in(Duration.ofSeconds(9), CLOCK), () -> modified(request));

        assertThat(modified).isSameAs(request);
    }

    @Test
    void aRequestWithLessTimeLeftCapsTheCallAtWhatIsLeft() {
        var modified = RequestDeadline.within(Deadline.in(Duration.ofMillis(1_200), CLOCK), () -> modified(request));

        assertThat(apiCallTimeout(modified)).isEqualTo(Duration.ofMillis(1_200));
        assertThat(((GetItemRequest) modified).tableName()).isEqualTo("hit-counters");
    }

    @Test
    void aRequestWhoseTimeIsUpStillGetsAPositiveTimeout() {
        var modified = RequestDeadline.within(Deadline.in(Duration.ZERO, CLOCK), () -> modified(request));

        assertThat(apiCallTimeout(modified)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aCallsOwnOverrideIsKeptAndItsTimeoutReplacedByTheClients() {
        var own = request.toBuilder().overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(30)).putHeader("x-test", "kept").build()).build();

        var modified = RequestDeadline.within(Deadline.in(Duration.ofSeconds(9), CLOCK), () -> modified(own));

        assertThat(apiCallTimeout(modified)).isEqualTo(CALL_TIMEOUT);
        assertThat(((GetItemRequest) modified).overrideConfiguration().orElseThrow().headers()).containsKey("x-test");
    }

    private SdkRequest modified(SdkRequest original) {
        return timeouts.modifyRequest(() -> original, new ExecutionAttributes());
    }

    private static Duration apiCallTimeout(SdkRequest request) {
        return ((GetItemRequest) request).overrideConfiguration().orElseThrow().apiCallTimeout().orElseThrow();
    }
}
