package dev.serverlessapis.local.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.adapters.apigateway.CognitoClaims;
import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.local.LocalTokens;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulated authorizer's claims are exactly what the functions' reader understands: token in, domain caller out. */
class AuthorizerToCallerTest {
    private static LocalIssuer issuer;
    private static CognitoAuthorizer authorizer;

    @BeforeAll
    static void start() {
        issuer = LocalIssuer.start(0, LocalIssuer.newSigningKey(), Clock.systemUTC());
        authorizer = new CognitoAuthorizer(issuer.issuer(), issuer.jwks(), Set.of(LocalIssuer.PAGE_CLIENT_ID), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void anAdminsTokenBecomesASignedInAdmin() {
        var caller = callerFor(LocalTokens.passwordGrant(issuer, LocalIssuer.PAGE_CLIENT_ID, "root", "admins"));
        assertThat(caller).isEqualTo(new Caller.SignedIn("root", Set.of("admins")));
        assertThat(((Caller.SignedIn) caller).isAdmin()).isTrue();
    }

    @Test
    void aTokenWithoutGroupsBecomesASignedInPersonWhoIsNoAdmin() {
        var caller = callerFor(LocalTokens.passwordGrant(issuer, LocalIssuer.PAGE_CLIENT_ID, "ada_l", ""));
        assertThat(caller).isEqualTo(new Caller.SignedIn("ada_l", Set.of()));
    }

    private static Caller callerFor(String token) {
        var outcome = (CognitoAuthorizer.Allowed) authorizer.authorize(Optional.of("Bearer " + token));
        var authorizerContext = new LinkedHashMap<String, Object>(Map.of("claims", outcome.claims()));
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("r-1");
        context.setAuthorizer(authorizerContext);
        return CognitoClaims.callerOf(new APIGatewayProxyRequestEvent().withRequestContext(context));
    }
}
