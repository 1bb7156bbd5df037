package dev.serverlessapis.adapters.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {
    @Test
    void readsRootParentAndSampledInAnyOrder() {
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"))
                .contains(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", Optional.of("53995c3f42cd8ad8"), true));
        assertThat(TraceHeader.parse("Sampled=0;Lineage=a87bd80c:1|68fd508a:5;Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793"))
                .hasValueSatisfying(header -> {
                    assertThat(header.sampled()).isFalse();
                    assertThat(header.recordsSubsegments()).isFalse();
                });
    }

    @Test
    void onlyASampledTraceWithAParentRecordsSubsegments() {
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1").orElseThrow().recordsSubsegments()).isFalse();
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1").orElseThrow()
                .recordsSubsegments()).isTrue();
    }

    @Test
    void anAbsentOrMalformedHeaderTracesNothing() {
        assertThat(TraceHeader.parse(null)).isEmpty();
        assertThat(TraceHeader.parse("")).isEmpty();
        assertThat(TraceHeader.parse("Root=not-a-trace;Sampled=1")).isEmpty();
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=\"},{\";Sampled=1")).isEmpty();
    }

    @Test
    void theDaemonAddressIsHostPortOrLambdasTcpAndUdpPair() {
        assertThat(XRayDaemon.udpAddress("169.254.79.129:2000").getPort()).isEqualTo(2000);
        var pair = XRayDaemon.udpAddress("tcp:127.0.0.1:2000 udp:127.0.0.2:2001");
        assertThat(pair.getHostString()).isEqualTo("127.0.0.2");
        assertThat(pair.getPort()).isEqualTo(2001);
    }
}
