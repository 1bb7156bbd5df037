package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.local.identity.CognitoAuthorizer;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's authorization step in the emulator: a route api.json marks signed-in goes through the Cognito
 * authorizer, whose verified claims then travel in {@code requestContext.authorizer.claims}; a refusal is the gateway
 * response UNAUTHORIZED with the headers Terraform gives every gateway response. Public routes, and the methods and
 * preflights no route declares, pass without claims even when a token is sent, as on AWS.
 */
final class RouteAuthorizer {
    private final CognitoAuthorizer authorizer;

    RouteAuthorizer(CognitoAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Empty when the request may go on to its function; otherwise what the gateway answers instead. */
    Optional<APIGatewayProxyResponseEvent> refusal(Optional<ApiSpec.Route> route, APIGatewayProxyRequestEvent event) {
        if (!route.map(ApiSpec.Route::needsSignIn).orElse(false)) {
            return Optional.empty();
        }
        return switch (authorizer.authorize(header(event, "Authorization"))) {
            case CognitoAuthorizer.Allowed allowed -> {
                event.getRequestContext().setAuthorizer(Map.of("claims", allowed.claims()));
                yield Optional.empty();
            }
            case CognitoAuthorizer.Refused refused -> {
                System.out.printf("authorizer refused %s %s: %s%n", event.getHttpMethod(), event.getPath(), refused.reason());
                yield Optional.of(GatewayResponses.withGatewayHeaders(header(event, "Origin"), CognitoAuthorizer.unauthorized()));
            }
        };
    }

    /** Header names are case-insensitive; the event keeps them as the client sent them. */
    private static Optional<String> header(APIGatewayProxyRequestEvent event, String name) {
        return Optional.ofNullable(event.getHeaders()).orElse(Map.of()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .reduce((first, last) -> last);
    }
}
