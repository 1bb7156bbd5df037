package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make run} that cannot start (its port taken, a setting that is no number) ends at once with one line saying
 * what to change, instead of a stack trace and a JVM that DynamoDB Local's leftover thread keeps waiting.
 */
class LocalStackStartFailureTest {
    @TempDir
    Path data;

    @Test
    void aPortAlreadyTakenEndsTheStackWithOneLineNamingPort() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var run = localStack("PORT", Integer.toString(taken.getLocalPort()));
            assertThat(run.status()).as(run.stderr()).isEqualTo(1);
            assertThat(run.stderr().strip()).as("one line, no stack trace").doesNotContain("\n").doesNotContain("\tat ")
                    .contains("127.0.0.1:" + taken.getLocalPort()).contains("PORT=");
        }
    }

    @Test
    void aPortThatIsNoNumberEndsTheStackWithOneLineNamingTheSetting() throws Exception {
        var run = localStack("PORT", "abc");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr().strip()).doesNotContain("\n").contains("PORT").contains("abc");
    }

    private record Run(int status, String stderr) {
    }

    private Run localStack(String setting, String value) throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-Dsqlite4java.library.path=" + System.getProperty("sqlite4java.library.path"),
                "-cp", System.getProperty("java.class.path"), LocalStack.class.getName());
        var stderr = Files.createTempFile(data, "stderr", ".txt");
        var builder = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put(setting, value);
        builder.environment().put("DATA_DIR", data.resolve("tables").toString());
        var process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the local stack neither started nor ended within 60 s: " + Files.readString(stderr));
        }
        var lines = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                // The JDK's own notices about DynamoDB Local's native library, which the README calls harmless.
                .filter(line -> !line.startsWith("WARNING:")).toList();
        return new Run(process.exitValue(), String.join("\n", lines));
    }
}
