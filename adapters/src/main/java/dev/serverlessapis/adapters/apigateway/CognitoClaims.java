package dev.serverlessapis.adapters.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.domain.shared.Caller;
import java.util.ArrayList;
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
        if (claims == null) {
            return Caller.anonymous();
        }
        var tokenUse = text(claims, "token_use");
        var idToken = tokenUse.isEmpty() || tokenUse.get().equals("id");
        var handle = idToken ? text(claims, HANDLE) : Optional.<String>empty();
        return Caller.identified(handle, groups(text(claims, GROUPS).orElse("")));
    }

    /**
     * The caller's id for the request's log line: the token's {@code sub}, opaque and stable, never the handle or any
     * other claim (a username may be an email address). Empty without an authorizer.
     */
    public static Optional<String> subjectOf(APIGatewayProxyRequestEvent event) {
        var claims = claims(event);
        return claims == null ? Optional.empty() : text(claims, SUBJECT);
    }

    /** Null where the request went through no authorizer. */
    private static Map<?, ?> claims(APIGatewayProxyRequestEvent event) {
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        return authorizer != null && authorizer.get("claims") instanceof Map<?, ?> claims ? claims : null;
    }

    /**
     * The comma-joined names, split at whitespace too (Cognito group names hold none). Brackets are part of a name:
     * Cognito allows them, so a group named {@code [admins]} is not {@code admins}, and a bracketed list (what HTTP APIs
     * send, should AWS's side ever change) reads its first and last names with a bracket, names nobody holds, and those
     * between as themselves, groups the caller is in: it fails towards fewer rights, never more.
     * A name holding a comma reads as two: the REST API joins names with commas, so none may hold one (identity README).
     */
    private static List<String> groups(String names) {
        var groups = new ArrayList<String>();
        var start = 0;
        for (var i = 0; i <= names.length(); i++) {
            if (i == names.length() || ", \t\n\u000B\f\r".indexOf(names.charAt(i)) >= 0) {
                if (i > start) {
                    groups.add(names.substring(start, i));
                }
                start = i + 1;
            }
        }
        return List.copyOf(groups);
    }

    private static Optional<String> text(Map<?, ?> claims, String name) {
        var value = claims.get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
