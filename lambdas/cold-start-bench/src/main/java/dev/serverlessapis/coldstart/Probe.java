package dev.serverlessapis.coldstart;

import java.io.IOException;

/** What every measured JVM does once it has its answer: say so on one line, then stay up until measured. */
final class Probe {
    private Probe() {
    }

    /** The bench stops its clock when it reads this line. */
    static void answered(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Peak RSS and class counts are read from outside while the JVM waits here; closing standard input lets it go. */
    static void awaitRelease() throws IOException {
        while (System.in.read() >= 0) {
            // Nothing is sent; the end of input is the signal.
        }
    }
}
