package dev.serverlessapis.coldstart;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table: per subject, launch to first response, the store's share of it, peak RSS, classes, and each function
 * against the bare SDK.
 */
record Report(List<String> order, Map<String, List<Measured>> cold, Map<String, List<Measured>> primed, int runs, int primedRuns,
              Optional<String> cpu, StoreWarmUp.Warmed storeWarmUp, double seconds) {

    /** One run: the JVM as measured from outside, and the calls DynamoDB Local answered for it. */
    record Measured(MeasuredJvm.Run jvm, List<StoreTime.Call> store) {
    }

    void print(PrintStream out) {
        var bare = median(cold.get(BenchCold.BARE_SDK));
        var bareTenthPercentile = tenthPercentile(millisOf(cold.get(BenchCold.BARE_SDK)));
        out.printf("Machine: %s, %d cores; measured JVM: %s %s on %s; %s%n", cpuModel(), cores(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                cpu.map(core -> "core " + core).orElse("any core (not pinned)"), String.join(" ", MeasuredJvm.LAMBDA_FLAGS));
        out.printf("%s; %d cold runs (%d of the bare client) and %d primed runs per row, interleaved; %.0f s in all%n",
                sdkVersion(), runs, cold.get(BenchCold.BARE_SDK).size(), primedRuns, seconds);
        out.printf("%s%n%n", storeWarmUp.summary());
        var bareInOrder = inRoundOrder(cold.get(BenchCold.BARE_SDK));
        out.printf("%-26s %9s %8s %8s %7s %11s %7s %8s %9s %8s %9s %18s %6s%n", "launch to first response", "median ms", "min ms", "max ms",
                "x bare", "95% range", "fast x", "store ms", "peak MiB", "classes", "warnings", "primed 1st ms", "store");
        for (var name : order) {
            var runsOf = cold.get(name);
            var millis = millisOf(runsOf);
            var primedOf = primed.get(name);
            var primedInvoke = primedOf == null ? ""
                    : "%6.1f (max %5.1f)".formatted(median(invokeMillis(primedOf)), Arrays.stream(invokeMillis(primedOf)).max().orElseThrow());
            var primedStore = primedOf == null ? "" : "%.1f".formatted(medianStoreMillis(primedOf));
            var range = runsOf.size() * BenchCold.BARE_RUNS_PER_ROUND == bareInOrder.length
                    ? RatioInterval.of(inRoundOrder(runsOf), bareInOrder, BenchCold.BARE_RUNS_PER_ROUND) : null;
            out.printf("%-26s %9.0f %8.0f %8.0f %7.2f %11s %7.2f %8.1f %9.0f %8.0f %9d %18s %6s%n", name, median(millis), millis[0],
                    millis[millis.length - 1], median(millis) / bare,
                    range == null ? "" : "%.2f-%.2f".formatted(range[0], range[1]), tenthPercentile(millis) / bareTenthPercentile,
                    medianStoreMillis(runsOf),
                    median(runsOf.stream().mapToDouble(run -> run.jvm().peakRssKib() / 1024.0).toArray()),
                    median(runsOf.stream().mapToDouble(run -> run.jvm().classesLoaded()).toArray()),
                    runsOf.stream().mapToInt(run -> run.jvm().stderr().size()).max().orElse(0), primedInvoke, primedStore);
        }
        var warnings = new LinkedHashSet<String>();
        cold.values().forEach(list -> list.forEach(run -> warnings.addAll(run.jvm().stderr())));
        if (!warnings.isEmpty()) {
            out.printf("%nPrinted on standard error at start-up:%n");
            warnings.stream().limit(10).forEach(line -> out.println("  " + line));
        }
        out.printf("%n'x bare': median over the bare SDK client's median; '95%% range': where it lies in 95%% of %d resamples"
                + "%nof this run's rounds (a bootstrap, each function's run paired with the bare client's of the same round);"
                + "%n'fast x': as 'x bare' for the 10th percentile, the runs least disturbed by other load."
                + "%n'warnings': most lines a run printed on standard error."
                + "%n'primed 1st ms': in a JVM whose SnapStart checkpoint hooks ran, the first invoke (median, max)."
                + "%n'store ms', 'store': of a run's time, DynamoDB Local's answering its calls (median).%n", RatioInterval.RESAMPLES);
        var calls = new LinkedHashMap<String, String>();
        for (var name : order) {
            var ofName = callsPerRun(cold.get(name));
            if (!ofName.isEmpty()) {
                calls.put(name, ofName);
            }
        }
        if (!calls.isEmpty()) {
            out.printf("Calls per cold run, and DynamoDB Local's median time for one:%n");
            calls.forEach((name, ofName) -> out.printf("  %-24s %s%n", name, ofName));
        }
    }

    private static double medianStoreMillis(List<Measured> runs) {
        return median(runs.stream().mapToDouble(run -> StoreTime.totalMillis(run.store())).toArray());
    }

    /** Each operation a subject's runs called, as calls per run and DynamoDB Local's median ms per call: {@code Scan 1 x 1.6 ms}. */
    static String callsPerRun(List<Measured> runs) {
        var millisByOperation = new LinkedHashMap<String, List<Double>>();
        for (var run : runs) {
            for (var call : run.store()) {
                millisByOperation.computeIfAbsent(call.operation(), operation -> new ArrayList<>()).add(call.millis());
            }
        }
        var parts = new ArrayList<String>();
        millisByOperation.forEach((operation, millis) -> parts.add("%s %s x %.1f ms".formatted(operation,
                new DecimalFormat("0.#").format((double) millis.size() / runs.size()), median(millis.stream().mapToDouble(Double::doubleValue).toArray()))));
        return String.join(", ", parts);
    }

    private static double median(List<Measured> runs) {
        return median(millisOf(runs));
    }

    /** Milliseconds in the order the rounds ran, which the interval pairs by. */
    private static double[] inRoundOrder(List<Measured> runs) {
        return runs.stream().mapToDouble(run -> run.jvm().millis()).toArray();
    }

    private static double[] millisOf(List<Measured> runs) {
        var sorted = inRoundOrder(runs);
        Arrays.sort(sorted);
        return sorted;
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

    private static double[] invokeMillis(List<Measured> runs) {
        return runs.stream().mapToDouble(run -> Long.parseLong(run.jvm().answer().replaceAll(".*invokeNanos=", "")) / 1e6).toArray();
    }

    static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private String sdkVersion() {
        return cold.get(BenchCold.BARE_SDK).getFirst().jvm().answer().replace(Probe.ANSWER_PREFIX + BareSdkProbe.VERSION_PREFIX, "AWS SDK ");
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
