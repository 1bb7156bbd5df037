package dev.serverlessapis.coldstart;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table: per subject, launch to first response, peak RSS, classes, and each function against the bare SDK. */
record Report(List<String> order, Map<String, List<MeasuredJvm.Run>> cold, Map<String, List<MeasuredJvm.Run>> primed, int runs, int primedRuns,
              Optional<String> cpu, StoreWarmUp.Warmed storeWarmUp, double seconds) {

    void print(PrintStream out) {
        var bare = median(cold.get(BenchCold.BARE_SDK));
        var bareTenthPercentile = tenthPercentile(millisOf(cold.get(BenchCold.BARE_SDK)));
        out.printf("Machine: %s, %d cores; measured JVM: %s %s on %s; %s%n", cpuModel(), cores(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                cpu.map(core -> "core " + core).orElse("any core (not pinned)"), String.join(" ", MeasuredJvm.LAMBDA_FLAGS));
        out.printf("%s; %d cold runs (%d of the bare client) and %d primed runs per row, interleaved; %.0f s in all%n",
                sdkVersion(), runs, cold.get(BenchCold.BARE_SDK).size(), primedRuns, seconds);
        out.printf("%s%n%n", storeWarmUp.summary());
        out.printf("%-26s %9s %8s %8s %7s %7s %9s %8s %9s %16s%n", "launch to first response", "median ms", "min ms", "max ms",
                "x bare", "fast x", "peak MiB", "classes", "warnings", "primed 1st ms");
        for (var name : order) {
            var runsOf = cold.get(name);
            var millis = millisOf(runsOf);
            var primedInvoke = Optional.ofNullable(primed.get(name))
                    .map(list -> "%6.1f (max %5.1f)".formatted(median(invokeMillis(list)), Arrays.stream(invokeMillis(list)).max().orElseThrow()))
                    .orElse("");
            out.printf("%-26s %9.0f %8.0f %8.0f %7.2f %7.2f %9.0f %8.0f %9d %16s%n", name, median(millis), millis[0],
                    millis[millis.length - 1], median(millis) / bare, tenthPercentile(millis) / bareTenthPercentile,
                    median(runsOf.stream().mapToDouble(run -> run.peakRssKib() / 1024.0).toArray()),
                    median(runsOf.stream().mapToDouble(MeasuredJvm.Run::classesLoaded).toArray()),
                    runsOf.stream().mapToInt(run -> run.stderr().size()).max().orElse(0), primedInvoke);
        }
        var warnings = new LinkedHashSet<String>();
        cold.values().forEach(list -> list.forEach(run -> warnings.addAll(run.stderr())));
        if (!warnings.isEmpty()) {
            out.printf("%nPrinted on standard error at start-up:%n");
            warnings.stream().limit(10).forEach(line -> out.println("  " + line));
        }
        out.printf("%n'x bare': median over the bare SDK client's median; 'fast x': the same for the 10th percentile,"
                + "%nthe runs least disturbed by other load. 'warnings': most lines a run printed on standard error."
                + "%n'primed 1st ms': in a JVM whose SnapStart checkpoint hooks ran, the first invoke (median, max).%n");
    }

    private static double median(List<MeasuredJvm.Run> runs) {
        return median(millisOf(runs));
    }

    private static double[] millisOf(List<MeasuredJvm.Run> runs) {
        return runs.stream().mapToDouble(MeasuredJvm.Run::millis).sorted().toArray();
    }

    /**
     * The 10th percentile of sorted values, interpolated at Hazen's position (n * p - 1/2): unlike the minimum, or the
     * common (n - 1) * p position, it estimates about the same point from 10 runs as from 30, so the bare client's
     * three runs per round compare fairly with a function's one.
     */
    private static double tenthPercentile(double[] sorted) {
        var position = Math.clamp(sorted.length * 0.1 - 0.5, 0.0, sorted.length - 1.0);
        var below = (int) Math.floor(position);
        var above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    private static double[] invokeMillis(List<MeasuredJvm.Run> runs) {
        return runs.stream().mapToDouble(run -> Long.parseLong(run.answer().replaceAll(".*invokeNanos=", "")) / 1e6).toArray();
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private String sdkVersion() {
        return cold.get(BenchCold.BARE_SDK).getFirst().answer().replace("ok sdk=", "AWS SDK ");
    }

    private static long cores() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("processor")).count();
        } catch (IOException unreadable) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException unreadable) {
            return "unknown CPU";
        }
    }
}
