package dev.serverlessapis.adapters.observability;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Writes one line per request and, for a 5xx, one more with the failure's stack trace, both carrying the request ids.
 *
 * <p>{@link Format#JSON} is what Lambda's JSON log format expects of application log lines: an object with
 * {@code timestamp}, {@code level}, {@code message} and {@code requestId} (Lambda's request id), on one line; Lambda
 * does not encode a line that already is JSON a second time, so CloudWatch Logs Insights discovers every field.
 * {@link Format#TEXT} is the same content for a person at a terminal.
 */
public final class RequestLogger {
    public enum Format { JSON, TEXT }

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final int MAX_FRAMES = 64;

    private final Format format;
    private final LogLevel threshold;
    private final Consumer<String> out;
    private final Clock clock;

    public RequestLogger(Format format, LogLevel threshold, Consumer<String> out, Clock clock) {
        this.format = format;
        this.threshold = threshold;
        this.out = out;
        this.clock = clock;
    }

    /** The request's line: INFO, or ERROR for a 5xx. */
    public void request(RequestLog request) {
        var level = request.status() >= 500 ? LogLevel.ERROR : LogLevel.INFO;
        if (!threshold.includes(level)) {
            return;
        }
        var message = request.method() + " " + request.route() + " " + request.status() + " " + request.latencyMillis() + "ms";
        out.accept(format == Format.JSON
                ? fields(start(level, message, request), request).toJson()
                : text(level, message, request));
    }

    /** The failure behind a 5xx, with its stack trace and causes, under the same request ids as the request's line. */
    public void failure(RequestLog request, Throwable failure) {
        if (!threshold.includes(LogLevel.ERROR)) {
            return;
        }
        var type = failure.getClass().getName();
        var errorMessage = masked(String.valueOf(failure.getMessage()));
        var message = request.method() + " " + request.route() + " failed: " + type + ": " + errorMessage;
        var trace = stackTrace(failure);
        if (format == Format.JSON) {
            out.accept(fields(start(LogLevel.ERROR, message, request), request)
                    .string("errorType", type)
                    .string("errorMessage", errorMessage)
                    .strings("stackTrace", trace)
                    .toJson());
        } else {
            out.accept(text(LogLevel.ERROR, message, request) + System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", trace));
        }
    }

    private JsonLine start(LogLevel level, String message, RequestLog request) {
        return new JsonLine()
                .string("timestamp", clock.instant().toString())
                .string("level", level.name())
                .string("message", message)
                .string("requestId", request.lambdaRequestId());
    }

    private static JsonLine fields(JsonLine line, RequestLog request) {
        line.string("apiRequestId", request.apiRequestId())
                .string("function", request.function())
                .string("route", request.route())
                .string("method", request.method())
                .number("status", request.status())
                .number("latencyMs", request.latencyMillis())
                .bool("coldStart", request.coldStart());
        if (request.traceId().isPresent()) {
            line.string("traceId", request.traceId().get());
        }
        if (request.callerId().isPresent()) {
            line.string("callerId", request.callerId().get());
        }
        return line;
    }

    private String text(LogLevel level, String message, RequestLog request) {
        var line = new StringBuilder()
                .append(CLOCK_TIME.format(clock.instant().atZone(clock.getZone()))).append(' ')
                .append(String.format("%-5s", level.name())).append(' ')
                .append(request.function()).append(' ')
                .append(message)
                .append(request.coldStart() ? " cold" : "")
                .append(" request=").append(request.apiRequestId());
        if (request.callerId().isPresent()) {
            line.append(" caller=").append(request.callerId().get());
        }
        if (request.traceId().isPresent()) {
            line.append(" trace=").append(request.traceId().get());
        }
        return line.toString();
    }

    /** Frames as Java prints them, causes included, each message masked; bounded so one line stays under Lambda's limits. */
    private static List<String> stackTrace(Throwable failure) {
        var lines = new ArrayList<String>();
        var seen = new java.util.IdentityHashMap<Throwable, Boolean>();
        for (Throwable current = failure; current != null && seen.put(current, true) == null; current = current.getCause()) {
            var header = current.getClass().getName() + (current.getMessage() == null ? "" : ": " + masked(current.getMessage()));
            lines.add(current == failure ? header : "Caused by: " + header);
            var frames = current.getStackTrace();
            for (var i = 0; i < frames.length && i < MAX_FRAMES; i++) {
                lines.add("at " + frames[i]);
            }
            if (frames.length > MAX_FRAMES) {
                lines.add("... " + (frames.length - MAX_FRAMES) + " more");
            }
        }
        return lines;
    }

    static String masked(String text) {
        var result = Masks.EMAIL.matcher(text).replaceAll("<email>");
        result = Masks.BEARER.matcher(result).replaceAll("Bearer <token>");
        return Masks.JWT.matcher(result).replaceAll("<token>");
    }

    /**
     * Defects' messages may quote what a client sent; these shapes are masked before the message is logged. Compiled
     * when the first failure is logged, not at every cold start.
     */
    private static final class Masks {
        static final Pattern EMAIL = Pattern.compile("[^\\s@\"'<>(),;:]+@[^\\s@\"'<>(),;:]+");
        static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*)?");
        static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");
    }
}
