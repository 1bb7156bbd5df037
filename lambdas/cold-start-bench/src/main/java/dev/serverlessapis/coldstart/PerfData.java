package dev.serverlessapis.coldstart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads a counter from a running HotSpot JVM's performance-data file ({@code hsperfdata_<user>/<pid>}, what
 * {@code jstat} reads), so the measured JVM is counted without attaching to it or running anything inside it.
 */
final class PerfData {
    private static final int MAGIC = 0xcafec0c0;

    private PerfData() {
    }

    static Optional<Long> counter(long pid, String name) {
        var file = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"), Long.toString(pid));
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return find(buffer, name);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The layout of HotSpot's perfMemory.hpp: a 32-byte prologue, then self-describing entries. */
    private static Optional<Long> find(ByteBuffer buffer, String name) {
        if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
            return Optional.empty();
        }
        buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        var entry = buffer.getInt(24);
        var entries = buffer.getInt(28);
        for (int i = 0; i < entries; i++) {
            var length = buffer.getInt(entry);
            var nameStart = entry + buffer.getInt(entry + 4);
            var nameEnd = nameStart;
            while (buffer.get(nameEnd) != 0) {
                nameEnd++;
            }
            var bytes = new byte[nameEnd - nameStart];
            buffer.get(nameStart, bytes);
            if (new String(bytes, StandardCharsets.US_ASCII).equals(name) && buffer.get(entry + 12) == 'J') {
                return Optional.of(buffer.getLong(entry + buffer.getInt(entry + 16)));
            }
            entry += length;
        }
        return Optional.empty();
    }
}
