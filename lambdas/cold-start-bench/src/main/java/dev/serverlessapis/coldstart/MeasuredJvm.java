package dev.serverlessapis.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Launches one fresh JVM as Lambda's {@code java21} runtime starts it, pinned to one core, and measures it from
 * outside: launch to its answer line, then, while it waits, its peak RSS and loaded classes.
 */
final class MeasuredJvm {
    /**
     * What Lambda's java21 runtime puts on its command line that changes start-up: C1 only, the serial collector, CDS
     * on (Lambda uses its own archive; here the JDK's default one), IPv4, and org.crac bound to a CRaC implementation
     * (Lambda's own; here {@link dev.serverlessapis.coldstart.crac.Core}). {@code MaxRAM} sizes the heap as a 1 GiB
     * function's ergonomics would.
     */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto", "-XX:MaxRAM=1g", "-Djava.net.preferIPv4Stack=true",
            "-Dorg.crac.Core.Compat=" + dev.serverlessapis.coldstart.crac.Core.class.getPackageName());
    private static final long TIMEOUT_SECONDS = 60;

    record Run(double millis, String answer, long peakRssKib, long classesLoaded, List<String> stderr) {
    }

    private final Path java;
    private final Optional<String> cpu;
    private final String classpath;
    private final Map<String, String> environment;

    MeasuredJvm(Path java, Optional<String> cpu, String classpath, Map<String, String> environment) {
        this.java = java;
        this.cpu = cpu;
        this.classpath = classpath;
        this.environment = Map.copyOf(environment);
    }

    Run run(String mainClass, List<String> arguments, Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        cpu.ifPresent(core -> command.addAll(List.of("taskset", "-c", core)));
        command.add(java.toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(arguments);
        var stderr = Files.createTempFile("bench-cold", ".stderr");
        try {
            var builder = new ProcessBuilder(command).redirectError(stderr.toFile());
            // Only what Lambda would set: a developer's AWS_* or JAVA_TOOL_OPTIONS must not reach the measured JVM.
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(environment);
            builder.environment().putAll(extraEnvironment);
            var started = System.nanoTime();
            var process = builder.start();
            var released = false;
            try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                // A function writes its log line and EMF documents (JSON objects) before the probe's answer.
                var answer = output.readLine();
                while (answer != null && answer.startsWith("{")) {
                    answer = output.readLine();
                }
                var millis = (System.nanoTime() - started) / 1e6;
                if (answer == null) {
                    throw new IllegalStateException(mainClass + " " + arguments + " gave no answer: " + Files.readString(stderr));
                }
                if (!answer.startsWith(Probe.ANSWER_PREFIX)) {
                    throw new IllegalStateException(mainClass + " " + arguments + " printed '" + answer
                            + "' where its answer belongs: " + Files.readString(stderr));
                }
                // taskset execs the JVM, so the pid is the JVM's own.
                var peakRss = peakRssKib(process.pid());
                // HotSpot counts classes loaded from the CDS archive apart from the others.
                var classes = PerfData.counter(process.pid(), "java.cls.loadedClasses").orElse(-1L)
                        + PerfData.counter(process.pid(), "java.cls.sharedLoadedClasses").orElse(0L);
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(mainClass + " did not exit");
                }
                released = true;
                return new Run(millis, answer, peakRss, classes, Files.readAllLines(stderr));
            } finally {
                if (!released) {
                    // A probe left waiting for release would outlive the bench; not waited for, so that nothing here
                    // can take the place of the failure being reported.
                    process.destroyForcibly();
                }
            }
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** -1 where there is no {@code /proc} (not Linux), as the class count is -1 without HotSpot's performance data. */
    private static long peakRssKib(long pid) throws IOException {
        var status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (var line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
