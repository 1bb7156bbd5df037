package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.serverlessapis.local.dynamodb.TableSpec;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code terraform/modules/application/api.json}, typed: the tables ({@link TableSpec}), functions and routes Terraform
 * applies on AWS. The local stack builds itself from this, so the two cannot drift apart.
 */
public record ApiSpec(List<TableSpec> tables, List<Function> functions, List<Route> routes) {
    private static final Gson GSON = new Gson();

    public record Function(String name, String handler, String table, List<String> tableActions, List<String> indexActions) {
        /** The class part of {@code package.Class::method}. */
        public String handlerClass() {
            return handler.split("::", 2)[0];
        }

        /** A new instance of the handler class, as the Lambda runtime makes one per execution environment. */
        @SuppressWarnings("unchecked")
        public RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> newHandler() {
            try {
                return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                        Class.forName(handlerClass()).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException missing) {
                throw new IllegalStateException("api.json names handler " + handlerClass() + " for " + name
                        + ", which cannot be instantiated", missing);
            }
        }
    }

    /**
     * {@code caller} is {@code public} (no authorizer: the function sees no claims) or {@code signed-in} (the Cognito
     * authorizer must let the request through first, and passes the verified claims).
     */
    public record Route(String method, String path, String function, String caller) {
        public static final String PUBLIC = "public";
        public static final String SIGNED_IN = "signed-in";

        public Route {
            if (!PUBLIC.equals(caller) && !SIGNED_IN.equals(caller)) {
                throw new IllegalArgumentException("api.json route " + method + " " + path + " has caller '" + caller
                        + "'; say '" + PUBLIC + "' or '" + SIGNED_IN + "'");
            }
        }

        public boolean needsSignIn() {
            return SIGNED_IN.equals(caller);
        }
    }

    public static ApiSpec load() {
        try (var stream = Objects.requireNonNull(ApiSpec.class.getResourceAsStream("/api.json"), "api.json is on the classpath");
             var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return GSON.fromJson(GSON.fromJson(reader, JsonObject.class), ApiSpec.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public Function function(String name) {
        return functions.stream().filter(function -> function.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("api.json has no function " + name));
    }

    public TableSpec table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("api.json has no table " + name));
    }

    /**
     * Route templates in the order of their first route, each with the function that answers methods the resource
     * does not serve (405) and CORS preflights: the function of its first route. Terraform applies the same rule.
     */
    public Map<String, String> fallbackFunctionByPath() {
        var result = new LinkedHashMap<String, String>();
        routes.forEach(route -> result.putIfAbsent(route.path(), route.function()));
        return result;
    }
}
