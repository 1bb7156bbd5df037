package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;

/**
 * Lambda's limit on what a synchronous invoke returns: 6 MB (6,291,456 bytes) of the JSON the runtime writes for the
 * proxy response, in which the body, itself JSON, is escaped once more. Over it, Lambda fails the invoke and API
 * Gateway answers 502 in place of the function's answer, whatever that was; the emulator does the same, so that an
 * answer too large for AWS fails here too.
 */
final class LambdaResponseLimit {
    static final int BYTES = 6 * 1024 * 1024;

    private static final Gson RUNTIME = new GsonBuilder().disableHtmlEscaping().create();

    private LambdaResponseLimit() {
    }

    static boolean fits(APIGatewayProxyResponseEvent response) {
        return RUNTIME.toJson(response).getBytes(StandardCharsets.UTF_8).length <= BYTES;
    }

    static APIGatewayProxyResponseEvent refusal() {
        return GatewayResponses.problem(502, "Bad Gateway",
                "The function's answer is larger than Lambda returns from an invoke (6 MB), so API Gateway has none to give.");
    }
}
