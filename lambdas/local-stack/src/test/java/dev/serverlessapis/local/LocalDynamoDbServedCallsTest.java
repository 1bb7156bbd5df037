package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bench-cold's {@code store ms} column says how long DynamoDB Local took over a call, counted from the request's first
 * bytes reaching it: a request whose headers trickle in is the store's time from its first line on, not from when its
 * handler was called.
 */
class LocalDynamoDbServedCallsTest {
    private static final long PAUSE_MILLIS = 300;

    record Served(String operation, long startedNanos, long tookNanos) {
    }

    @Test
    void aCallIsTimedFromItsFirstBytesNotFromItsHandler() throws Exception {
        var served = new ArrayList<Served>();
        var answered = new Semaphore(0);
        try (var dynamoDb = LocalDynamoDb.start(Optional.empty(), (operation, startedNanos, tookNanos) -> {
            synchronized (served) {
                served.add(new Served(operation, startedNanos, tookNanos));
            }
            answered.release();
        })) {
            long firstLineSent;
            try (var socket = new Socket(dynamoDb.endpoint().getHost(), dynamoDb.endpoint().getPort())) {
                var out = socket.getOutputStream();
                firstLineSent = System.nanoTime();
                out.write("POST / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(PAUSE_MILLIS);
                out.write(("Host: " + dynamoDb.endpoint().getAuthority() + "\r\n"
                        + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                        + "Content-Type: application/x-amz-json-1.0\r\n"
                        + "Authorization: AWS4-HMAC-SHA256 Credential=local/20261203/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-target, Signature=0\r\n"
                        + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.getInputStream().readAllBytes();
            }
            assertThat(answered.tryAcquire(10, TimeUnit.SECONDS)).as("told of the call").isTrue();
            List<Served> calls;
            synchronized (served) {
                calls = List.copyOf(served);
            }

            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.operation()).isEqualTo("ListTables");
                assertThat(call.startedNanos()).as("begun with the first line")
                        .isLessThan(firstLineSent + TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS / 2));
                assertThat(call.tookNanos()).as("the pause before its headers included")
                        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS));
            });
        }
    }
}
