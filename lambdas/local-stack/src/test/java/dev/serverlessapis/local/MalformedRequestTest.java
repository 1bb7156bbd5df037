package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests no HTTP client library would send, written byte for byte on a socket: every one the server can parse at
 * all gets a problem document with the status API Gateway's quotas and HTTP give it, never the server's own error
 * page, a class name, or a dropped connection.
 */
class MalformedRequestTest {
    private static final Pattern IMPLEMENTATION_DETAIL = Pattern.compile("Exception|java\\.|jetty|sun\\.|<html", Pattern.CASE_INSENSITIVE);
    private static ApiGatewayEmulator emulator;

    @BeforeAll
    static void start() {
        var spec = EchoHandler.spec(
                EchoHandler.route("GET", "/echo/{id}", ApiSpec.Route.PUBLIC),
                EchoHandler.route("POST", "/echo/{id}", ApiSpec.Route.PUBLIC));
        emulator = ApiGatewayEmulator.start(spec, 0, new StaticPage(), new LocalMetrics(), null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** With the gateway response headers Terraform configures (DEFAULT_4XX on AWS), so a page can read the 400. */
    @Test
    void anInvalidPercentEscapeInThePathIsA400ProblemAPageCanRead() {
        for (var path : List.of("/echo/%ZZ", "/echo/%4", "/nowhere/%zz/x", "/echo/%")) {
            var refused = exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://page.example\r\n"
                    + "Connection: close\r\n\r\n");
            assertProblem(refused, 400);
            assertThat(refused).as(path).contains("Access-Control-Allow-Origin: https://page.example").contains("Vary: Origin");
        }
    }

    /**
     * As Jetty answers a request it cannot parse, and so the emulator did before it let such a target through: the 400
     * says {@code Connection: close}, and nothing sent after it on the connection is answered. What API Gateway does
     * with the connection is not documented.
     */
    @Test
    void anInvalidPercentEscapeInThePathClosesTheConnectionAfterItsProblemEvenOnKeepAlive() throws IOException {
        try (var socket = new Socket(emulator.baseUrl().getHost(), emulator.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            var in = socket.getInputStream();
            var out = socket.getOutputStream();
            out.write("GET /echo/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var refused = readOneResponse(in);
            assertProblem(refused, 400);
            assertThat(refused.substring(0, refused.indexOf("\r\n\r\n")).toLowerCase()).contains("connection: close");

            try {
                out.write("GET /echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.read()).as("the connection is closed: end of stream").isEqualTo(-1);
            } catch (SocketException reset) {
                // Closed before the second request could be written or read: closed all the same.
            }
        }
    }

    @Test
    void aContentLengthThatIsNotANumberIsA400Problem() {
        for (var length : List.of("abc", "-1", "1, 2", "99999999999999999999999")) {
            assertProblem(exchange("POST /echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n{}"), 400);
        }
    }

    @Test
    void aMalformedChunkedBodyIsA400Problem() {
        for (var body : List.of("ZZ\r\nhello\r\n0\r\n\r\n", "5\r\nhelloXX3\r\nabc\r\n0\r\n\r\n")) {
            assertProblem(exchange("POST /echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body), 400);
        }
    }

    /** API Gateway limits the bytes of headers, not their number: 300 small ones reach the function. */
    @Test
    void manyHeadersWithinApiGatewaysQuotaReachTheFunctionAndLargerOnesAreA431Problem() {
        var many = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        var served = exchange("GET /echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + "Connection: close\r\n\r\n");
        assertThat(served).startsWith("HTTP/1.1 201").contains("X-H299");

        var large = "X-Large: " + "a".repeat(GatewayLimits.MAX_REQUEST_LINE_AND_HEADER_VALUE_BYTES) + "\r\n";
        var refused = exchange("GET /echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://page.example\r\n" + large
                + "Connection: close\r\n\r\n");
        assertProblem(refused, 431);
        assertThat(refused).as("the gateway response headers Terraform configures").contains("Access-Control-Allow-Origin: https://page.example");
        var huge = ("X-Large: " + "a".repeat(4_000) + "\r\n").repeat(50);
        assertProblem(exchange("GET /echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + huge + "Connection: close\r\n\r\n"), 431);
    }

    @Test
    void aUrlLongerThanApiGatewaysQuotaIsA414ProblemUpToAMebibyte() {
        for (var length : List.of(GatewayLimits.MAX_URL_CHARACTERS + 1, 1024 * 1024)) {
            assertProblem(exchange("GET /echo/" + "a".repeat(length) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 414);
        }
    }

    /** Measured as sent, not as the stand-in target it reaches the emulator under: too long comes before malformed. */
    @Test
    void aMalformedPathLongerThanApiGatewaysQuotaIsA414Problem() {
        var path = "/echo/%ZZ" + "a".repeat(GatewayLimits.MAX_URL_CHARACTERS);
        assertProblem(exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 414);
    }

    /**
     * Without CORS headers, even for an allowed page's Origin: API Gateway's 413 REQUEST_TOO_LARGE cannot be customised
     * (its developer guide, known issues), so on AWS it carries none and a page cannot read it; locally neither.
     */
    @Test
    void aBodyAnnouncedOverApiGatewaysPayloadQuotaIsA413ProblemBeforeItIsSentWithoutCorsHeaders() {
        var refused = exchange("POST /echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://page.example\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + (GatewayLimits.MAX_PAYLOAD_BYTES + 1) + "\r\nConnection: close\r\n\r\n");

        assertProblem(refused, 413);
        var head = refused.substring(0, refused.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).doesNotContain("access-control-allow-origin").doesNotContain("vary: origin");
    }

    /** Query parameters reach functions decoded: an escape that decodes to no UTF-8 text is refused, never U+FFFD. */
    @Test
    void aQueryThatIsNotPercentEncodedUtf8IsA400Problem() {
        for (var query : List.of("q=%FF", "q=%C3", "q=%ZZ", "q=ok&%E9=x", "q=caf%E9", "q=%")) {
            assertProblem(exchange("GET /echo/1?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 400);
        }
        var rawLatin1 = exchange("GET /echo/1?q=caf\u00e9 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertProblem(rawLatin1, 400);
        var utf8 = exchange("GET /echo/1?q=caf%C3%A9+au+lait HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(utf8).startsWith("HTTP/1.1 201").contains("\"q\":\"café au lait\"");
    }

    /**
     * Paths reach functions still encoded, so a function refuses an escape that is not UTF-8 on its own field; a raw
     * byte that is not UTF-8 would reach it as U+FFFD instead, valid text that many paths share: it is refused here.
     */
    @Test
    void aPathWithARawByteThatIsNotUtf8IsA400ProblemNotAFunctionsInput() {
        var rawLatin1 = exchange("GET /echo/caf\u00e9 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertProblem(rawLatin1, 400);
        assertThat(rawLatin1).contains("not UTF-8");
        var encoded = exchange("GET /echo/caf%C3%A9 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(encoded).as("the same text percent-encoded as UTF-8 reaches the function").startsWith("HTTP/1.1 201");
    }

    /**
     * A page on another name whose DNS points at 127.0.0.1 (DNS rebinding) is same-origin with the stack to the
     * browser: the Host header it sends is refused, for the API and the page's files alike, before any function runs.
     */
    @Test
    void aRequestForAnotherHostThanTheLoopbackIsRefused() {
        for (var path : List.of("/echo/1", "/index.html")) {
            var rebound = exchange("GET " + path + " HTTP/1.1\r\nHost: evil.example:" + emulator.baseUrl().getPort() + "\r\nConnection: close\r\n\r\n");
            assertProblem(rebound, 421);
        }
        for (var host : List.of("localhost", "LOCALHOST", "127.0.0.1")) {
            var local = exchange("GET /echo/1 HTTP/1.1\r\nHost: " + host + ":" + emulator.baseUrl().getPort() + "\r\nConnection: close\r\n\r\n");
            assertThat(local).as(host).startsWith("HTTP/1.1 201");
        }
    }

    private static void assertProblem(String response, int status) {
        assertThat(response).as(response.lines().findFirst().orElse("no answer")).startsWith("HTTP/1.1 " + status + " ");
        var head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json").contains("cache-control: no-store");
        if (status != GatewayResponses.NOT_CUSTOMISABLE) {
            assertThat(head).contains("x-content-type-options: nosniff");
        }
        var body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(IMPLEMENTATION_DETAIL.matcher(body).find()).as(body).isFalse();
        JsonObject problem = JsonParser.parseString(body).getAsJsonObject();
        assertThat(problem.get("status").getAsInt()).isEqualTo(status);
        assertThat(problem.get("title").getAsString()).isNotBlank();
        assertThat(problem.get("detail").getAsString()).isNotBlank();
    }

    /** The status line and headers, then as many bytes of body as {@code Content-Length} says. */
    private static String readOneResponse(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            var next = in.read();
            if (next == -1) {
                throw new EOFException("the connection closed before the end of the headers: " + head);
            }
            head.write(next);
        }
        var headers = head.toString(StandardCharsets.ISO_8859_1);
        var length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(headers);
        var body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code request} (as UTF-8 where it is not ASCII, ISO-8859-1 for {@code é} only to send a raw non-UTF-8
     * byte) from another thread while reading the answer: a server may answer, and close, before a long request is
     * all sent.
     */
    private static String exchange(String request) {
        var bytes = request.contains("caf\u00e9 ") ? request.getBytes(StandardCharsets.ISO_8859_1) : request.getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket(emulator.baseUrl().getHost(), emulator.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            var writer = Thread.ofVirtual().start(() -> {
                try {
                    socket.getOutputStream().write(bytes);
                    socket.getOutputStream().flush();
                } catch (IOException closedByTheServer) {
                    // The answer is already on its way; the test reads it.
                }
            });
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join();
            return answer;
        } catch (IOException | InterruptedException failed) {
            throw new UncheckedIOException(failed instanceof IOException io ? io : new IOException(failed));
        }
    }
}
