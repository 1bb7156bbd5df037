package dev.serverlessapis.adapters.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLoggerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T17:30:00.123Z"), ZoneOffset.UTC);
    static final String API_REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    static final String LAMBDA_REQUEST_ID = "8f507cfc-xmpl-4697-b07a-ac58fc914c95";
    static final String TRACE_ID = "1-5759e988-bd862e3fe1be46a994272793";

    private final List<String> lines = new ArrayList<>();

    static RequestLog request(int status, Optional<String> caller) {
        return new RequestLog("chirp_save_chirp", "/chirp", "POST", status, 12, API_REQUEST_ID, LAMBDA_REQUEST_ID,
                Optional.of(TRACE_ID), true, caller);
    }

    private RequestLogger logger(RequestLogger.Format format, LogLevel level) {
        return new RequestLogger(format, level, lines::add, CLOCK);
    }

    @Test
    void aRequestIsOneJsonLineWithLambdasFieldsFirstThenExactlyTheRequestsFields() {
        logger(RequestLogger.Format.JSON, LogLevel.INFO).request(request(201, Optional.of("user-42")));

        assertThat(lines).containsExactly("{\"timestamp\":\"2026-12-01T17:30:00.123Z\",\"level\":\"INFO\","
                + "\"message\":\"POST /chirp 201 12ms\",\"requestId\":\"" + LAMBDA_REQUEST_ID + "\","
                + "\"apiRequestId\":\"" + API_REQUEST_ID + "\",\"function\":\"chirp_save_chirp\",\"route\":\"/chirp\","
                + "\"method\":\"POST\",\"status\":201,\"latencyMs\":12,\"coldStart\":true,"
                + "\"traceId\":\"" + TRACE_ID + "\",\"callerId\":\"user-42\"}");
        assertThat(JsonParser.parseString(lines.getFirst()).getAsJsonObject().keySet()).containsExactly("timestamp", "level",
                "message", "requestId", "apiRequestId", "function", "route", "method", "status", "latencyMs", "coldStart",
                "traceId", "callerId");
    }

    @Test
    void absentTraceAndCallerAreLeftOutRatherThanWrittenAsNull() {
        logger(RequestLogger.Format.JSON, LogLevel.INFO).request(new RequestLog("getHitCount", "/counters/{name}", "GET", 404, 3,
                API_REQUEST_ID, LAMBDA_REQUEST_ID, Optional.empty(), false, Optional.empty()));

        var line = JsonParser.parseString(lines.getFirst()).getAsJsonObject();
        assertThat(line.keySet()).doesNotContain("traceId", "callerId");
        assertThat(line.get("route").getAsString()).isEqualTo("/counters/{name}");
        assertThat(line.get("coldStart").getAsBoolean()).isFalse();
        assertThat(lines.getFirst()).doesNotContain("null");
    }

    @Test
    void noFieldCanCarryAnEmailAddressATokenOrABody() {
        assertThatThrownBy(() -> request(200, Optional.of("ada@example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callerId").hasMessageNotContaining("ada@");
        assertThatThrownBy(() -> request(200, Optional.of("eyJhbGciOiJSUzI1NiJ9." + "x".repeat(200) + ".sig")))
                .hasMessageContaining("callerId");
        assertThatThrownBy(() -> new RequestLog("user-profile-get", "/users/ada@example.com", "GET", 200, 1, API_REQUEST_ID,
                LAMBDA_REQUEST_ID, Optional.empty(), false, Optional.empty())).hasMessageContaining("route");
        assertThatThrownBy(() -> new RequestLog("chirp_save_chirp", "/chirp", "POST", 200, 1, "{\"text\":\"hello\"}",
                LAMBDA_REQUEST_ID, Optional.empty(), false, Optional.empty())).hasMessageContaining("apiRequestId");
        assertThatThrownBy(() -> new RequestLog("chirp save", "/chirp", "POST", 200, 1, API_REQUEST_ID,
                LAMBDA_REQUEST_ID, Optional.empty(), false, Optional.empty())).hasMessageContaining("function");
        assertThat(RequestLog.class.getRecordComponents()).extracting(component -> component.getName()).containsExactly(
                "function", "route", "method", "status", "latencyMillis", "apiRequestId", "lambdaRequestId", "traceId",
                "coldStart", "callerId");
    }

    @Test
    void aFailureIsOneJsonLineWithTheClientsRequestIdAndTheStackTraceCausesIncludedWithEmailsAndTokensMasked() {
        var cause = new IllegalArgumentException("item ada@example.com rejected, Authorization: Bearer abc.def.ghi");
        var failure = new IllegalStateException("DynamoDB refused to store the profile", cause);

        logger(RequestLogger.Format.JSON, LogLevel.INFO).failure(request(500, Optional.empty()), failure);

        assertThat(lines).hasSize(1);
        var line = JsonParser.parseString(lines.getFirst()).getAsJsonObject();
        assertThat(line.get("level").getAsString()).isEqualTo("ERROR");
        assertThat(line.get("requestId").getAsString()).isEqualTo(LAMBDA_REQUEST_ID);
        assertThat(line.get("apiRequestId").getAsString()).isEqualTo(API_REQUEST_ID);
        assertThat(line.get("status").getAsInt()).isEqualTo(500);
        assertThat(line.get("errorType").getAsString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("errorMessage").getAsString()).isEqualTo("DynamoDB refused to store the profile");
        assertThat(line.get("message").getAsString())
                .isEqualTo("POST /chirp failed: java.lang.IllegalStateException: DynamoDB refused to store the profile");
        var trace = line.getAsJsonArray("stackTrace").asList().stream().map(element -> element.getAsString()).toList();
        assertThat(trace.getFirst()).isEqualTo("java.lang.IllegalStateException: DynamoDB refused to store the profile");
        assertThat(trace.get(1)).startsWith("at dev.serverlessapis.adapters.observability.RequestLoggerTest.");
        assertThat(trace).contains("Caused by: java.lang.IllegalArgumentException: item <email> rejected, Authorization: Bearer <token>");
        assertThat(lines.getFirst()).doesNotContain("ada@example.com").doesNotContain("abc.def.ghi").doesNotContain("\n");
    }

    @Test
    void theTerminalFormIsOneReadableLine() {
        logger(RequestLogger.Format.TEXT, LogLevel.INFO).request(request(201, Optional.of("user-42")));

        assertThat(lines).singleElement().asString().endsWith(" INFO  chirp_save_chirp POST /chirp 201 12ms cold request="
                + API_REQUEST_ID + " caller=user-42 trace=" + TRACE_ID).doesNotContain("\n").doesNotContain("{");
    }

    @Test
    void theTerminalFormOfAFailureIndentsItsStackTraceUnderTheLine() {
        logger(RequestLogger.Format.TEXT, LogLevel.INFO).failure(request(500, Optional.empty()), new IllegalStateException("boom"));

        var text = lines.getFirst().split(System.lineSeparator());
        assertThat(text[0]).contains(" ERROR chirp_save_chirp POST /chirp failed: java.lang.IllegalStateException: boom cold request=" + API_REQUEST_ID);
        assertThat(text[1]).isEqualTo("    java.lang.IllegalStateException: boom");
        assertThat(text[2]).startsWith("    at dev.serverlessapis.adapters.observability.RequestLoggerTest.");
    }

    @Test
    void theApplicationLogLevelLambdaSetsFiltersRequestLinesButNeverFailures() {
        var logger = logger(RequestLogger.Format.JSON, LogLevel.parse(Optional.of("warn")));

        logger.request(request(201, Optional.empty()));
        logger.request(request(500, Optional.empty()));
        logger.failure(request(500, Optional.empty()), new IllegalStateException("boom"));

        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"level\":\"ERROR\""));
        assertThat(LogLevel.parse(Optional.empty())).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.parse(Optional.of("verbose"))).isEqualTo(LogLevel.INFO);
    }

    @Test
    void textInLinesIsEscapedSoEveryLineStaysOneValidJsonObject() {
        var line = new JsonLine().string("m", "a\"b\\c\nd\te\u0001f\u2028g\uD800h").toJson();

        assertThat(line).isEqualTo("{\"m\":\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028g\\ud800h\"}");
        assertThat(JsonParser.parseString(line).getAsJsonObject().get("m").getAsString()).isEqualTo("a\"b\\c\nd\te\u0001f\u2028g\uD800h");
        assertThat(new JsonLine().string("ok", "😀").toJson()).isEqualTo("{\"ok\":\"😀\"}");
    }

    @Test
    void aColdStartIsTakenOnceAndAgainAfterARestore() {
        var coldStart = new ColdStart();
        assertThat(coldStart.take()).isTrue();
        assertThat(coldStart.take()).isFalse();
        coldStart.restored();
        assertThat(coldStart.take()).isTrue();
        assertThat(coldStart.take()).isFalse();
    }
}
