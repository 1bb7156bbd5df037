package dev.serverlessapis.lambdas.wiring;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * What SnapStart's priming talks to instead of DynamoDB and the X-Ray daemon: an HTTP endpoint and a UDP socket on
 * loopback, inside the execution environment, for as long as the priming runs. Every request is answered as DynamoDB
 * answers one that finds and returns nothing ({@code 200 {}}), over a kept-alive connection as DynamoDB keeps it;
 * datagrams are received and dropped. Nothing leaves the machine and nothing is stored.
 */
final class CannedDynamoDb implements AutoCloseable {
    private static final String BODY = "{}";
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\n"
            + "x-amzn-RequestId: snapstart-priming\r\n"
            // DynamoDB signs each body with its CRC32, which the SDK checks as it reads.
            + "x-amz-crc32: " + crc32(BODY) + "\r\n"
            + "Keep-Alive: timeout=1\r\n"
            + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final DatagramChannel daemon;
    private final Thread serving;
    private final Set<String> operations = ConcurrentHashMap.newKeySet();
    private volatile Socket connection;

    private CannedDynamoDb(ServerSocket server, DatagramChannel daemon) {
        this.server = server;
        this.daemon = daemon;
        this.serving = new Thread(this::serve, "snapstart-priming-dynamodb");
        serving.setDaemon(true);
    }

    static CannedDynamoDb start() {
        try {
            var loopback = InetAddress.getLoopbackAddress();
            var daemon = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
            daemon.configureBlocking(false);
            var canned = new CannedDynamoDb(new ServerSocket(0, 1, loopback), daemon);
            canned.serving.start();
            return canned;
        } catch (IOException noSocket) {
            throw new UncheckedIOException("cannot open loopback sockets for the SnapStart priming", noSocket);
        }
    }

    URI endpoint() {
        return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
    }

    /** In {@code AWS_XRAY_DAEMON_ADDRESS} form. */
    String daemonAddress() {
        return server.getInetAddress().getHostAddress() + ":" + daemon.socket().getLocalPort();
    }

    /** The operations answered so far, by their {@code X-Amz-Target} name, e.g. {@code UpdateItem}. */
    Set<String> operations() {
        return Set.copyOf(operations);
    }

    /** Takes the datagrams received so far and says how many there were. */
    int datagrams() {
        var count = 0;
        var buffer = ByteBuffer.allocate(65_536);
        try {
            while (daemon.receive(buffer.clear()) != null) {
                count++;
            }
        } catch (IOException closed) {
            // Nothing more to count.
        }
        return count;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (var accepted = server.accept()) {
                connection = accepted;
                var in = new BufferedInputStream(accepted.getInputStream());
                var out = accepted.getOutputStream();
                while (answer(in, out)) {
                    // One request after another on the kept-alive connection, until the client or close() ends it.
                }
            } catch (IOException ended) {
                // The client went away, or close() closed the sockets: accept again, or stop once the server is closed.
            }
        }
    }

    private boolean answer(InputStream in, OutputStream out) throws IOException {
        var requestLine = line(in);
        if (requestLine == null) {
            return false;
        }
        var length = 0;
        for (var header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            var colon = header.indexOf(':');
            var name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
            var value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            } else if (name.equals("x-amz-target")) {
                operations.add(value.substring(value.indexOf('.') + 1));
            }
        }
        in.readNBytes(length);
        out.write(ANSWER);
        out.flush();
        return true;
    }

    /** One header line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                return null;
            }
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static long crc32(String body) {
        var crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    /** Closes both sockets and waits for the serving thread, so that none of it is left in the snapshot. */
    @Override
    public void close() {
        try {
            server.close();
            var open = connection;
            if (open != null) {
                open.close();
            }
            daemon.close();
            serving.join(1_000);
        } catch (IOException ignored) {
            // Closing loopback sockets the priming opened; nothing was sent anywhere.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
