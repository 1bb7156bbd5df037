package dev.serverlessapis.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeasuredJvmTest {
    private final MeasuredJvm jvm = new MeasuredJvm(Path.of(System.getProperty("java.home"), "bin", "java"), Optional.empty(),
            System.getProperty("java.class.path"), Map.of());

    @Test
    void aRunIsTimedToTheProbesAnswerPastTheJsonLinesAFunctionLogs() throws Exception {
        var run = jvm.run(LogsThenAnswers.class.getName(), List.of(), Map.of());

        assertThat(run.answer()).isEqualTo("ok after the log");
        assertThat(run.millis()).isPositive();
        assertThat(run.classesLoaded()).isPositive();
        if (Files.isDirectory(Path.of("/proc", "self"))) {
            assertThat(run.peakRssKib()).isPositive();
        } else {
            assertThat(run.peakRssKib()).as("without /proc").isEqualTo(-1);
        }
        assertThat(run.stderr()).isEmpty();
    }

    /** As async-profiler's agent prints "Profiling started": a run timed to such a line would measure nothing. */
    @Test
    void aLineThatIsNoAnswerFailsTheRunInsteadOfStoppingItsClock() {
        assertThatThrownBy(() -> jvm.run(BannerThenAnswers.class.getName(), List.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("printed 'Profiling started' where its answer belongs");
    }

    static final class LogsThenAnswers {
        public static void main(String[] arguments) throws Exception {
            System.out.println("{\"level\":\"INFO\"}");
            Probe.answered("after the log");
            Probe.awaitRelease();
        }
    }

    static final class BannerThenAnswers {
        public static void main(String[] arguments) throws Exception {
            System.out.println("Profiling started");
            Probe.answered("too late");
            Probe.awaitRelease();
        }
    }
}
