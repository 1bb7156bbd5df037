package dev.serverlessapis.adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event files are honest fixtures: each reads into the handlers' event model without losing a member. */
class ProxyEventsTest {
    private static final Gson GSON = new Gson();

    @ParameterizedTest
    @ValueSource(strings = {"path-parameters", "json-body", "base64-body", "multi-value-query", "cognito-authorizer"})
    void everyMemberOfTheEventIsOneTheLambdaEventModelReads(String name) throws IOException {
        var file = withoutNulls(file(name));

        var modelled = GSON.toJsonTree(GSON.fromJson(file, APIGatewayProxyRequestEvent.class));

        assertThat(modelled).isEqualTo(file);
    }

    private static JsonElement file(String name) throws IOException {
        try (var stream = Objects.requireNonNull(ProxyEventsTest.class.getResourceAsStream("/events/" + name + ".json"), name);
             var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return GSON.fromJson(reader, JsonElement.class);
        }
    }

    /** Gson writes no null members, so the file's explicit nulls (as API Gateway sends them) are compared as absent. */
    private static JsonElement withoutNulls(JsonElement element) {
        if (!element.isJsonObject()) {
            return element;
        }
        var copy = new JsonObject();
        element.getAsJsonObject().entrySet().stream().filter(member -> !member.getValue().isJsonNull())
                .forEach(member -> copy.add(member.getKey(), withoutNulls(member.getValue())));
        return copy;
    }
}
