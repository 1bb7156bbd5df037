package dev.serverlessapis.coldstart;

/** The floor: a JVM with Lambda's flags that prints one line, then waits to be measured and let go. */
public final class HelloProbe {
    private HelloProbe() {
    }

    public static void main(String[] arguments) throws Exception {
        Probe.answered("hello");
        Probe.awaitRelease();
    }
}
