package dev.serverlessapis.adapters.dynamodb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP layer for a real SDK client that answers as DynamoDB does, for the answers DynamoDB Local never gives: each
 * call in turn is either a success (empty, {@code 200 {}}, unless given a body) or DynamoDB's JSON error of an error
 * code, a 400 unless given another status (a cancelled transaction with its cancellation reasons), so what a test sees is the exception the SDK
 * itself makes of it.
 * Records each call's {@code X-Amz-Target}.
 */
public final class DynamoDbHttpAnswers implements SdkHttpClient {
    private final IntFunction<String> errorOfCall;
    private final IntFunction<String> successOfCall;
    private final int errorStatus;
    private final List<String> targets = new CopyOnWriteArrayList<>();

    /** {@code errorOfCall} gives a call's error body, null for a success, whose body {@code successOfCall} gives. */
    private DynamoDbHttpAnswers(IntFunction<String> errorOfCall, IntFunction<String> successOfCall, int errorStatus) {
        this.errorOfCall = errorOfCall;
        this.successOfCall = successOfCall;
        this.errorStatus = errorStatus;
    }

    private DynamoDbHttpAnswers(IntFunction<String> errorOfCall, IntFunction<String> successOfCall) {
        this(errorOfCall, successOfCall, 400);
    }

    private DynamoDbHttpAnswers(IntFunction<String> errorOfCall) {
        this(errorOfCall, call -> "{}");
    }

    /** The first calls succeed with these bodies in turn; every later one is answered as {@code then} answers its first calls. */
    public static DynamoDbHttpAnswers answeringThen(List<String> bodies, DynamoDbHttpAnswers then) {
        return new DynamoDbHttpAnswers(call -> call < bodies.size() ? null : then.errorOfCall.apply(call - bodies.size()),
                call -> call < bodies.size() ? bodies.get(call) : then.successOfCall.apply(call - bodies.size()));
    }

    /** Every call refused with {@code errorCode}. */
    public static DynamoDbHttpAnswers refusingWith(String errorCode) {
        return new DynamoDbHttpAnswers(call -> error(errorCode, ""));
    }

    /** Every call failed by DynamoDB itself: HTTP {@code status} (a 5xx) with {@code errorCode}. */
    public static DynamoDbHttpAnswers failingWith(int status, String errorCode) {
        return new DynamoDbHttpAnswers(call -> error(errorCode, ""), call -> "{}", status);
    }

    /** The calls answered in turn: null an empty success, anything else DynamoDB's 400 of that error code. */
    public static DynamoDbHttpAnswers inTurn(List<String> errorCodes) {
        return new DynamoDbHttpAnswers(call -> errorCodes.get(call) == null ? null : error(errorCodes.get(call), ""));
    }

    /** Every transaction cancelled with one reason per item, of these codes in the items' order. */
    public static DynamoDbHttpAnswers cancellingWith(List<String> reasonCodes) {
        var reasons = new StringBuilder();
        for (var code : reasonCodes) {
            reasons.append(reasons.isEmpty() ? "" : ",").append("{\"Code\":\"").append(code).append("\"}");
        }
        return new DynamoDbHttpAnswers(call -> error("TransactionCanceledException", ",\"CancellationReasons\":[" + reasons + "]"));
    }

    private static String error(String errorCode, String moreMembers) {
        return "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorCode + "\",\"message\":\"not now\"" + moreMembers + "}";
    }

    public List<String> targets() {
        return List.copyOf(targets);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        var call = targets.size();
        targets.add(request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(""));
        var error = errorOfCall.apply(call);
        var body = (error == null ? successOfCall.apply(call) : error).getBytes(StandardCharsets.UTF_8);
        var response = HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(error == null ? 200 : errorStatus)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("x-amzn-RequestId", "REQUEST" + call)
                        .putHeader("Content-Length", Integer.toString(body.length)).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                .build();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return response;
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }

    @Override
    public String clientName() {
        return "DynamoDbHttpAnswers";
    }
}
