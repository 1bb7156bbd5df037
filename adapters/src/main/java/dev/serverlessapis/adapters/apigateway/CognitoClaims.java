package dev.serverlessapis.adapters.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.domain.shared.Caller;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling, read from the claims API Gateway's Cognito user pool authorizer verified and put in
 * {@code requestContext.authorizer.claims}: every value a string, {@code cognito:groups} one string of the group names
 * joined by commas (for example {@code "admins,editors"}). The handle is {@code cognito:username}. A request without
 * claims went through no authorizer: its caller is anonymous, and the domain decides whether that is enough.
 */
public final class CognitoClaims {
    public static final String HANDLE = "cognito:username";
    public static final String GROUPS = "cognito:groups";
    public static final String SUBJECT = "sub";

    private CognitoClaims() {
    }

    public static Caller callerOf(APIGatewayProxyRequestEvent event) {
        var claims = claims(event);
        if (claims.isEmpty()) {
            return Caller.anonymous();
        }
        var idToken = text(claims.get(), "token_use").map("id"::equals).orElse(true);
        var handle = text(claims.get(), HANDLE).filter(name -> idToken);
        return Caller.identified(handle, groups(text(claims.get(), GROUPS).orElse("")));
    }

    /**
     * The caller's id for the request's log line: the token's {@code sub}, opaque and stable, never the handle or any
     * other claim (a username may be an email address). Empty without an authorizer.
     */
    public static Optional<String> subjectOf(APIGatewayProxyRequestEvent event) {
        return claims(event).flatMap(claims -> text(claims, SUBJECT));
    }

    private static Optional<Map<?, ?>> claims(APIGatewayProxyRequestEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getAuthorizer)
                .map(authorizer -> authorizer.get("claims"))
                .filter(Map.class::isInstance)
                .map(map -> (Map<?, ?>) map);
    }

    /**
     * The comma-joined names; a bracketed, space-separated form ({@code "[admins editors]"}, what HTTP APIs send) is
     * read too, so a change on AWS's side fails towards fewer rights, never more. Cognito group names hold no spaces.
     */
    private static List<String> groups(String joined) {
        var names = joined.strip();
        if (names.startsWith("[") && names.endsWith("]")) {
            names = names.substring(1, names.length() - 1);
        }
        return Arrays.stream(names.split("[,\\s]+")).filter(name -> !name.isEmpty()).toList();
    }

    private static Optional<String> text(Map<?, ?> claims, String name) {
        return Optional.ofNullable(claims.get(name)).map(Object::toString);
    }
}
