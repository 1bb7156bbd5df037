package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Writes a function's (or the gateway's own) proxy response back as API Gateway would: its status (502 when the
 * function gave none), {@code headers} and every value of {@code multiValueHeaders}, and the body decoded from base64
 * where the response says so. A HEAD, 204 or 304 carries no body.
 */
final class ProxyResponses {
    private ProxyResponses() {
    }

    static void write(Request request, Response response, Callback callback, APIGatewayProxyResponseEvent answer) {
        var status = answer.getStatusCode() == null ? 502 : answer.getStatusCode();
        response.setStatus(status);
        var headers = response.getHeaders();
        Optional.ofNullable(answer.getHeaders()).orElse(Map.of()).forEach(headers::put);
        Optional.ofNullable(answer.getMultiValueHeaders()).orElse(Map.of())
                .forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        var noBody = status == 204 || status == 304 || request.getMethod().equalsIgnoreCase("HEAD");
        if (noBody || answer.getBody() == null) {
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return;
        }
        var body = Boolean.TRUE.equals(answer.getIsBase64Encoded()) ? Base64.getDecoder().decode(answer.getBody())
                : answer.getBody().getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
