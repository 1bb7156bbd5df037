package dev.serverlessapis.adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.UnauthenticatedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Proxy events with the claims in the shape API Gateway's REST API Cognito authorizer sends (see AuthorizerClaims). */
class CognitoClaimsTest {
    @Test
    void aSignedInPersonsHandleAndGroupsComeFromTheClaims() {
        var caller = CognitoClaims.callerOf(eventWith(claims("ada_l", "admins,editors")));
        assertThat(caller).isEqualTo(new Caller.SignedIn("ada_l", Set.of("admins", "editors")));
        assertThat(((Caller.SignedIn) caller).isAdmin()).isTrue();
    }

    @Test
    void oneGroupIsItsNameAndNoGroupClaimMeansNoGroups() {
        assertThat(CognitoClaims.callerOf(eventWith(claims("root", "admins")))).isEqualTo(new Caller.SignedIn("root", Set.of("admins")));
        var withoutGroups = claims("bob", null);
        assertThat(CognitoClaims.callerOf(eventWith(withoutGroups))).isEqualTo(new Caller.SignedIn("bob", Set.of()));
    }

    /**
     * Cognito group names may hold brackets (its pattern allows any letter, mark, symbol, number or punctuation), so a
     * group named {@code [admins]} is not {@code admins}; a bracketed list, the form HTTP APIs send, is not this API's:
     * its first and last names keep their brackets, so they are nobody's groups, and a name between them is itself,
     * a group the caller is in, so no reading gives more rights than the token's groups.
     */
    @Test
    void noGroupButAdminsItselfMakesAnAdmin() {
        for (var groups : new String[] {"[admins]", "[admins editors]", "not-admins,administrators", "Admins"}) {
            assertThat(((Caller.SignedIn) CognitoClaims.callerOf(eventWith(claims("eve", groups)))).isAdmin()).as(groups).isFalse();
        }
        assertThat(CognitoClaims.callerOf(eventWith(claims("eve", "[admins]")))).isEqualTo(new Caller.SignedIn("eve", Set.of("[admins]")));
        assertThat(CognitoClaims.callerOf(eventWith(claims("eve", "[ops admins audit]"))))
                .isEqualTo(new Caller.SignedIn("eve", Set.of("[ops", "admins", "audit]")));
    }

    @Test
    void aRequestThatPassedNoAuthorizerIsAnonymous() {
        assertThat(CognitoClaims.callerOf(new APIGatewayProxyRequestEvent())).isEqualTo(Caller.anonymous());
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("r-1");
        assertThat(CognitoClaims.callerOf(new APIGatewayProxyRequestEvent().withRequestContext(context))).isEqualTo(Caller.anonymous());
        context.setAuthorizer(new LinkedHashMap<>(Map.of("principalId", "x")));
        assertThat(CognitoClaims.callerOf(new APIGatewayProxyRequestEvent().withRequestContext(context))).isEqualTo(Caller.anonymous());
    }

    @Test
    void verifiedClaimsThatNameNobodyAreRefusedAsUnauthenticated() {
        var noHandle = claims("x", "admins");
        noHandle.remove("cognito:username");
        assertThatThrownBy(() -> CognitoClaims.callerOf(eventWith(noHandle))).isExactlyInstanceOf(UnauthenticatedException.class);
        var access = claims("ada_l", null);
        access.put("token_use", "access");
        assertThatThrownBy(() -> CognitoClaims.callerOf(eventWith(access))).isExactlyInstanceOf(UnauthenticatedException.class);
        for (var invisible : new String[] {"\u00a0", "\u200b", "ada\u0000"}) {
            assertThatThrownBy(() -> CognitoClaims.callerOf(eventWith(claims(invisible, null))))
                    .isExactlyInstanceOf(UnauthenticatedException.class);
        }
    }

    @Test
    void theLogLinesCallerIdIsTheSubjectNeverTheHandleAndNoneWithoutAnAuthorizer() {
        assertThat(CognitoClaims.subjectOf(eventWith(claims("ada_l", "admins")))).contains("0b7e6c1a-2f4d-4e8b-9c3a-5d6e7f8a9b0c");
        assertThat(CognitoClaims.subjectOf(new APIGatewayProxyRequestEvent())).isEmpty();
        var withoutSubject = claims("ada_l", null);
        withoutSubject.remove("sub");
        assertThat(CognitoClaims.subjectOf(eventWith(withoutSubject))).isEmpty();
    }

    /** Every value a string, exp and iat as dates, as API Gateway passes them. */
    private static Map<String, Object> claims(String handle, String groups) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("sub", "0b7e6c1a-2f4d-4e8b-9c3a-5d6e7f8a9b0c");
        claims.put("aud", "3h2k9example");
        if (groups != null) {
            claims.put("cognito:groups", groups);
        }
        claims.put("email_verified", "true");
        claims.put("token_use", "id");
        claims.put("auth_time", "1764600000");
        claims.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example1");
        claims.put("cognito:username", handle);
        claims.put("exp", "Mon Dec 01 15:40:00 UTC 2025");
        claims.put("iat", "Mon Dec 01 14:40:00 UTC 2025");
        return claims;
    }

    private static APIGatewayProxyRequestEvent eventWith(Map<String, Object> claims) {
        var authorizer = new LinkedHashMap<String, Object>();
        authorizer.put("claims", claims);
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("r-1");
        context.setAuthorizer(authorizer);
        return new APIGatewayProxyRequestEvent().withResource("/chirp").withHttpMethod("POST").withRequestContext(context);
    }
}
