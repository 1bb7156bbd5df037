package dev.serverlessapis.adapters.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The X-Ray daemon Lambda runs beside the function, reached over UDP: each datagram is the protocol header
 * {@code {"format": "json", "version": 1}} and a newline, then one segment document. Sending never blocks the request
 * and never fails it: a datagram that cannot be sent is a trace lost, not an error.
 */
public final class XRayDaemon implements AutoCloseable {
    /** Where Lambda's daemon listens when {@code AWS_XRAY_DAEMON_ADDRESS} says nothing else. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:2000";
    static final String PROTOCOL_HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    private final InetSocketAddress address;
    private final DatagramChannel channel;

    private XRayDaemon(InetSocketAddress address, DatagramChannel channel) {
        this.address = address;
        this.channel = channel;
    }

    /**
     * @param setting {@code AWS_XRAY_DAEMON_ADDRESS}: {@code host:port}, or {@code tcp:host:port udp:host:port}
     *                as Lambda sets it; the default address when empty
     */
    public static XRayDaemon at(Optional<String> setting) {
        var address = udpAddress(setting.orElse(DEFAULT_ADDRESS));
        try {
            var channel = DatagramChannel.open();
            channel.configureBlocking(false);
            return new XRayDaemon(address, channel);
        } catch (IOException noSocket) {
            throw new UncheckedIOException("cannot open a UDP socket for the X-Ray daemon", noSocket);
        }
    }

    static InetSocketAddress udpAddress(String setting) {
        var chosen = setting.trim();
        for (var part : chosen.split("\\s+")) {
            if (part.startsWith("udp:")) {
                chosen = part.substring("udp:".length());
            }
        }
        var colon = chosen.lastIndexOf(':');
        if (colon <= 0 || chosen.contains(" ")) {
            throw new IllegalArgumentException("AWS_XRAY_DAEMON_ADDRESS must be host:port or 'tcp:host:port udp:host:port'");
        }
        return new InetSocketAddress(chosen.substring(0, colon), Integer.parseInt(chosen.substring(colon + 1)));
    }

    void send(String segmentDocument) {
        try {
            channel.send(ByteBuffer.wrap((PROTOCOL_HEADER + segmentDocument).getBytes(StandardCharsets.UTF_8)), address);
        } catch (IOException lost) {
            // Tracing is best effort by design: the request it describes must not fail for it.
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing at shutdown; nothing is left to send.
        }
    }
}
