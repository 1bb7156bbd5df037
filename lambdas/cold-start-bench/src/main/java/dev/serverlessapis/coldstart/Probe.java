package dev.serverlessapis.coldstart;

import java.io.IOException;

/** What every measured JVM does once it has its answer: say so on one line, then stay up until measured. */
final class Probe {
    /**
     * How an answer starts. Another line on standard output (a JVM agent's banner, say) is not taken for one: the run
     * fails instead of being timed to it.
     */
    static final String ANSWER_PREFIX = "ok ";

    private Probe() {
    }

    /** The bench stops its clock when it reads this line. */
    static void answered(String details) {
        System.out.println(ANSWER_PREFIX + details);
        System.out.flush();
    }

    /** Peak RSS and class counts are read from outside while the JVM waits here; closing standard input lets it go. */
    static void awaitRelease() throws IOException {
        while (System.in.read() >= 0) {
            // Nothing is sent; the end of input is the signal.
        }
    }
}
