package dev.serverlessapis.adapters.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A UDP socket on loopback in the X-Ray daemon's place: what a traced client sends arrives here, one segment document
 * per datagram behind the daemon protocol's header.
 */
public final class LoopbackXRayDaemon implements AutoCloseable {
    private final DatagramSocket socket;

    public LoopbackXRayDaemon() {
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException noSocket) {
            throw new UncheckedIOException(noSocket);
        }
    }

    /** As {@code AWS_XRAY_DAEMON_ADDRESS} names it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** Exactly {@code expected} segments, each within 2 s; then none more within 300 ms. */
    public synchronized List<JsonObject> receive(int expected) throws IOException {
        var segments = new ArrayList<JsonObject>();
        socket.setSoTimeout(2000);
        for (var i = 0; i < expected; i++) {
            segments.add(next());
        }
        socket.setSoTimeout(300);
        try {
            var more = next();
            throw new AssertionError("more subsegments than expected: " + more);
        } catch (SocketTimeoutException none) {
            return segments;
        }
    }

    private JsonObject next() throws IOException {
        var packet = new DatagramPacket(new byte[65_536], 65_536);
        socket.receive(packet);
        var text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"format\": \"json\", \"version\": 1}\n");
        return JsonParser.parseString(text.substring(text.indexOf('\n') + 1)).getAsJsonObject();
    }

    @Override
    public void close() {
        socket.close();
    }
}
