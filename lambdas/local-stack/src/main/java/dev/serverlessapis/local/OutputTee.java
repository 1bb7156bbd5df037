package dev.serverlessapis.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Standard output of this JVM, line by line, to its readers as well as to the console, as Lambda hands a function's
 * output to CloudWatch Logs: the local metrics read the functions' EMF documents from it, and tests read the log
 * lines. Installed once per JVM. Which lines also reach the console is the installer's choice: on a terminal, for
 * instance, EMF documents (which CloudWatch turns into metrics rather than shows) are read but not printed.
 */
public final class OutputTee {
    private static final List<Consumer<String>> READERS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;
    private static volatile Predicate<String> printed = line -> true;

    private OutputTee() {
    }

    /** Replaces {@link System#out} with the tee the first time; afterwards only which lines are printed can change. */
    public static synchronized void install(Predicate<String> printedOnTheConsole) {
        printed = printedOnTheConsole;
        if (!installed) {
            System.setOut(new PrintStream(new Lines(System.out), true, StandardCharsets.UTF_8));
            installed = true;
        }
    }

    /** Hands {@code reader} every line written from now on, until the returned handle is closed. */
    public static Reading read(Consumer<String> reader) {
        READERS.add(reader);
        return () -> READERS.remove(reader);
    }

    /** A reader's place on the tee; closing it cannot fail. */
    public interface Reading extends AutoCloseable {
        @Override
        void close();
    }

    /** An EMF document: what CloudWatch takes for metrics rather than for a log line. */
    public static boolean isMetricsDocument(String line) {
        return line.startsWith("{\"_aws\":");
    }

    /** Collects bytes up to each line end, then hands the line on whole; a PrintStream serialises its writers. */
    private static final class Lines extends OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

        Lines(PrintStream console) {
            this.console = console;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (var i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        private void emit() {
            var text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            var trimmed = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            READERS.forEach(reader -> reader.accept(trimmed));
            if (printed.test(trimmed)) {
                console.println(trimmed);
            }
        }

        @Override
        public synchronized void flush() {
            console.flush();
        }
    }
}
