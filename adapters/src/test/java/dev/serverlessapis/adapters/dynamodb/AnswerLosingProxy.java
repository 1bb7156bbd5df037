package dev.serverlessapis.adapters.dynamodb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback in front of DynamoDB Local that loses one answer: it relays every request, waits for
 * DynamoDB Local's whole answer, and passes it back, except for the first request of the chosen operation whose body
 * holds the chosen text, where it closes the client's connection instead. The write was done; the client only sees
 * its connection end without an answer, as after a network fault, and the SDK's retries send it again. Something
 * else may happen in between, once the write was done, as another request would do it
 * ({@link #losingTheFirstAnswerAfter}). Made with {@link #throttlingTheFirst}, it answers that request itself
 * instead, with the 400 DynamoDB throttles with, and never relays it; with {@link #droppingTheFirst} it closes the
 * connection without relaying it, as a request lost on its way: either way the write was not done, and something
 * else happens meanwhile. Each request goes over a connection of its own, both sides, so no kept-alive connection
 * hides or adds an attempt.
 */
final class AnswerLosingProxy implements AutoCloseable {
    /** Instead of an operation's name: whichever of the single-item writes or a transaction. */
    static final String A_WRITE = "a write";

    private enum Fate { ANSWER_LOST, THROTTLED, DROPPED }

    private final ServerSocket server;
    private final URI upstream;
    private final String operation;
    private final String bodyHolding;
    private final Fate fate;
    /** What happens while the first chosen request goes unanswered: after it was done, or instead of it. */
    private final Runnable meanwhile;
    private final AtomicInteger chosen = new AtomicInteger();

    private AnswerLosingProxy(URI upstream, String operation, String bodyHolding, Fate fate, Runnable meanwhile) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstream = upstream;
        this.operation = operation;
        this.bodyHolding = bodyHolding;
        this.fate = fate;
        this.meanwhile = meanwhile;
        Thread.ofVirtual().start(this::accept);
    }

    /** Loses the answer to the first {@code operation} (an {@code X-Amz-Target} name) whose body holds {@code bodyHolding}. */
    static AnswerLosingProxy losingTheFirstAnswerTo(URI upstream, String operation, String bodyHolding) {
        return of(upstream, operation, bodyHolding, Fate.ANSWER_LOST, () -> { });
    }

    /** As {@link #losingTheFirstAnswerTo}, running {@code meanwhile} once DynamoDB Local did that request, before the loss. */
    static AnswerLosingProxy losingTheFirstAnswerAfter(URI upstream, String operation, String bodyHolding, Runnable meanwhile) {
        return of(upstream, operation, bodyHolding, Fate.ANSWER_LOST, meanwhile);
    }

    /** Throttles the first {@code operation} whose body holds {@code bodyHolding} without relaying it, after running {@code meanwhile}. */
    static AnswerLosingProxy throttlingTheFirst(URI upstream, String operation, String bodyHolding, Runnable meanwhile) {
        return of(upstream, operation, bodyHolding, Fate.THROTTLED, meanwhile);
    }

    /** Closes the connection of the first {@code operation} whose body holds {@code bodyHolding}, never relayed, after running {@code meanwhile}. */
    static AnswerLosingProxy droppingTheFirst(URI upstream, String operation, String bodyHolding, Runnable meanwhile) {
        return of(upstream, operation, bodyHolding, Fate.DROPPED, meanwhile);
    }

    private static AnswerLosingProxy of(URI upstream, String operation, String bodyHolding, Fate fate, Runnable meanwhile) {
        try {
            return new AnswerLosingProxy(upstream, operation, bodyHolding, fate, meanwhile);
        } catch (IOException noSocket) {
            throw new UncheckedIOException(noSocket);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** How many requests of the chosen kind reached DynamoDB Local, the one whose answer was lost included. */
    int chosenRequests() {
        return chosen.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            var in = client.getInputStream();
            var head = head(in);
            if (head == null) {
                return;
            }
            var body = in.readNBytes(contentLength(head));
            var first = isChosen(head, body) && chosen.incrementAndGet() == 1;
            var out = client.getOutputStream();
            if (first && fate != Fate.ANSWER_LOST) {
                meanwhile.run();
                if (fate == Fate.THROTTLED) {
                    out.write(THROTTLED);
                    out.flush();
                }
                return; // never relayed: the write was not done
            }
            var answer = fromDynamoDbLocal(closingHead(head), body);
            if (first) {
                meanwhile.run();
                return; // the answer is lost: the connection closes without it
            }
            out.write(answer);
            out.flush();
        } catch (IOException clientWentAway) {
            // Nothing to relay to.
        }
    }

    /** DynamoDB's answer to a request over its throughput, which it did not carry out; the SDK retries it. */
    private static final byte[] THROTTLED = throttled();

    private static byte[] throttled() {
        var body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate of requests exceeds the allowed throughput.\"}";
        return ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: throttled-by-the-proxy\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    private boolean isChosen(String head, byte[] body) {
        var target = header(head, "x-amz-target");
        var named = operation.equals(A_WRITE)
                ? target != null && target.matches(".*\\.(PutItem|UpdateItem|DeleteItem|TransactWriteItems)")
                : target != null && target.endsWith("." + operation);
        return named && new String(body, StandardCharsets.UTF_8).contains(bodyHolding);
    }

    private byte[] fromDynamoDbLocal(String head, byte[] body) throws IOException {
        try (var dynamoDb = new Socket(upstream.getHost(), upstream.getPort())) {
            var out = dynamoDb.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            var answer = dynamoDb.getInputStream();
            var answerHead = head(answer);
            var rest = answer.readAllBytes(); // DynamoDB Local closes the connection after the answer, as it was asked to
            var whole = new ByteArrayOutputStream();
            whole.write(closingHead(answerHead).getBytes(StandardCharsets.ISO_8859_1));
            whole.write(rest);
            return whole.toByteArray();
        }
    }

    /** The head with {@code Connection: close} in place of any {@code Connection} header: one exchange per connection. */
    private static String closingHead(String head) {
        var kept = new StringBuilder();
        for (var line : head.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                kept.append(line).append("\r\n");
            }
        }
        return kept.append("Connection: close\r\n\r\n").toString();
    }

    private static int contentLength(String head) {
        var length = header(head, "content-length");
        return length == null ? 0 : Integer.parseInt(length);
    }

    private static String header(String head, String name) {
        for (var line : head.split("\r\n")) {
            var colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The request or status line and the headers, without the blank line that ends them; null at end of stream. */
    private static String head(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        var matched = 0;
        while (matched < 4) {
            var next = in.read();
            if (next < 0) {
                return null;
            }
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
        }
        var text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }
}
