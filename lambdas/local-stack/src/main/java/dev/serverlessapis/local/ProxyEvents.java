package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * The {@link APIGatewayProxyRequestEvent} API Gateway's REST API sends a Lambda proxy integration: the path still
 * percent-encoded, query parameters decoded, headers as the client sent them (the last value of a repeated one in
 * {@code headers}, all of them in {@code multiValueHeaders}), and the body as text or base64.
 */
final class ProxyEvents {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private ProxyEvents() {
    }

    static APIGatewayProxyRequestEvent of(Request request, RouteMatcher.Match match, Map<String, List<String>> multiQuery, byte[] body) {
        var uri = request.getHttpURI();
        var method = request.getMethod().toUpperCase(Locale.ROOT);
        var requestId = UUID.randomUUID().toString();
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        var multiHeaders = new LinkedHashMap<String, List<String>>();
        var headers = new LinkedHashMap<String, String>();
        for (HttpField field : request.getHeaders()) {
            multiHeaders.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
            headers.put(field.getName(), field.getValue());
        }
        multiHeaders.replaceAll((name, values) -> List.copyOf(values));
        var query = new LinkedHashMap<String, String>();
        multiQuery.forEach((name, values) -> query.put(name, values.getLast()));
        var host = Optional.ofNullable(request.getHeaders().get("Host")).orElse("127.0.0.1");
        var text = asText(body, request.getHeaders().get("Content-Type"));

        return new APIGatewayProxyRequestEvent()
                .withResource(match.template())
                .withPath(uri.getPath())
                .withHttpMethod(method)
                .withHeaders(headers.isEmpty() ? null : headers)
                .withMultiValueHeaders(multiHeaders.isEmpty() ? null : multiHeaders)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withStageVariables(null)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withStage(ApiGatewayEmulator.STAGE)
                        .withRequestId(requestId)
                        .withExtendedRequestId(requestId)
                        .withDomainPrefix(host.split("[.:]", 2)[0])
                        .withResourceId(Integer.toHexString(match.template().hashCode()))
                        .withResourcePath(match.template())
                        .withHttpMethod(method)
                        .withPath("/" + ApiGatewayEmulator.STAGE + uri.getPath())
                        .withProtocol(request.getConnectionMetaData().getProtocol())
                        .withDomainName(host)
                        .withRequestTime(REQUEST_TIME.format(now))
                        .withRequestTimeEpoch(now.toInstant().toEpochMilli())
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity()
                                .withSourceIp(Request.getRemoteAddr(request))
                                .withUserAgent(request.getHeaders().get("User-Agent"))
                                .withApiKey(request.getHeaders().get("X-Api-Key"))))
                .withBody(body.length == 0 ? null : text.orElseGet(() -> Base64.getEncoder().encodeToString(body)))
                .withIsBase64Encoded(body.length > 0 && text.isEmpty());
    }

    /** Textual media types travel as text when they are valid UTF-8; anything else is base64, as for binary types. */
    private static Optional<String> asText(byte[] body, String contentType) {
        var type = Optional.ofNullable(contentType).orElse("").toLowerCase(Locale.ROOT);
        if (!(type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }
}
