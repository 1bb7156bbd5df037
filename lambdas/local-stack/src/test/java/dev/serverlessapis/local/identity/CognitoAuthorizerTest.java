package dev.serverlessapis.local.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.serverlessapis.local.LocalTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorizer against a running local issuer: its JWKS is fetched over HTTP, the good tokens come from its token
 * endpoint, and the bad ones are signed here with its key (or another) to break one rule each.
 */
class CognitoAuthorizerTest {
    private static RSAKey issuerKey;
    private static LocalIssuer issuer;
    private static CognitoAuthorizer authorizer;

    @BeforeAll
    static void start() {
        issuerKey = LocalIssuer.newSigningKey();
        issuer = LocalIssuer.start(0, issuerKey, Clock.systemUTC());
        authorizer = new CognitoAuthorizer(issuer.issuer(), issuer.jwks(), Set.of(LocalIssuer.PAGE_CLIENT_ID, "cli"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void aValidIdTokenOfTheIssuerIsAllowedWithItsClaimsAsStrings() {
        var token = LocalTokens.passwordGrant(issuer, LocalIssuer.PAGE_CLIENT_ID, "ada_l", "admins,editors");
        var outcome = authorizer.authorize(Optional.of("Bearer " + token));
        assertThat(outcome).isInstanceOf(CognitoAuthorizer.Allowed.class);
        var claims = ((CognitoAuthorizer.Allowed) outcome).claims();
        assertThat(claims).containsEntry("cognito:username", "ada_l")
                .containsEntry("cognito:groups", "admins,editors")
                .containsEntry("token_use", "id")
                .containsEntry("aud", LocalIssuer.PAGE_CLIENT_ID)
                .containsEntry("iss", issuer.issuer().toString())
                .containsEntry("sub", LocalLogin.subjectOf("ada_l"));
        assertThat(claims.get("exp")).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} UTC \\d{4}");
        assertThat(claims.get("auth_time")).matches("\\d{10}");
    }

    @Test
    void theTokenMayComeBareAsWellAsAfterBearer() {
        var token = LocalTokens.passwordGrant(issuer, "cli", "grace", "");
        assertThat(authorizer.authorize(Optional.of(token))).isInstanceOf(CognitoAuthorizer.Allowed.class);
        assertThat(authorizer.authorize(Optional.of("bearer " + token))).isInstanceOf(CognitoAuthorizer.Allowed.class);
    }

    @Test
    void aTokenForAnotherAppClientIsRefused() {
        var token = LocalTokens.passwordGrant(issuer, "someone-elses-client", "ada_l", "");
        assertRefused(token);
    }

    @Test
    void aForgedTokenSignedWithAnotherKeyUnderTheIssuersKeyIdIsRefused() throws Exception {
        var forger = LocalIssuer.newSigningKey();
        assertThat(forger.getKeyID()).isEqualTo(issuerKey.getKeyID());
        assertRefused(signed(forger, validClaims().build()));
    }

    @Test
    void theSameClaimsSignedWithTheIssuersKeyAreAllowed() throws Exception {
        assertThat(authorizer.authorize(Optional.of(signed(issuerKey, validClaims().build()))))
                .as("the control for the refusals below").isInstanceOf(CognitoAuthorizer.Allowed.class);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertRefused(signed(issuerKey, TestTokens.expired(validClaims()).build()));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertRefused(signed(issuerKey, validClaims().issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other").build()));
        assertRefused(signed(issuerKey, validClaims().issuer(issuer.issuer().toString().replace("127.0.0.1", "localhost")).build()));
    }

    @Test
    void anAccessTokenIsRefused() throws Exception {
        assertRefused(signed(issuerKey, validClaims().claim("token_use", "access").build()));
        assertRefused(signed(issuerKey, validClaims().claim("token_use", null).build()));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefused(new PlainJWT(new PlainHeader(), validClaims().build()).serialize());
    }

    @Test
    void aTokenSignedWithHs256UnderTheIssuersKeyIdIsRefused() throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuerKey.getKeyID()).type(JOSEObjectType.JWT).build();
        var jwt = new SignedJWT(header, validClaims().build());
        jwt.sign(new MACSigner("a-shared-secret-of-at-least-256-bits!!".getBytes(StandardCharsets.UTF_8)));
        assertRefused(jwt.serialize());
    }

    @Test
    void aTokenUnderAnUnknownKeyIdIsRefused() throws Exception {
        var stranger = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("unknown-kid").generate();
        assertRefused(signed(stranger, validClaims().build()));
    }

    @Test
    void garbageAndNothingAreRefused() {
        assertRefused("not-a-jwt");
        assertRefused("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln");
        assertThat(authorizer.authorize(Optional.empty())).isInstanceOf(CognitoAuthorizer.Refused.class);
        assertThat(authorizer.authorize(Optional.of("Bearer "))).isInstanceOf(CognitoAuthorizer.Refused.class);
    }

    @Test
    void theRefusalIsA401ProblemThatAsksForABearerToken() {
        var response = CognitoAuthorizer.unauthorized();
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getMultiValueHeaders()).containsEntry("WWW-Authenticate", List.of("Bearer"))
                .containsEntry("Content-Type", List.of("application/problem+json; charset=utf-8"));
        var problem = IssuerHttp.json(response.getBody());
        assertThat(problem.get("status").getAsInt()).isEqualTo(401);
        assertThat(problem.get("title").getAsString()).isEqualTo("Unauthorized");
        assertThat(problem.get("type").getAsString()).isEqualTo("about:blank");
    }

    private static void assertRefused(String token) {
        assertThat(authorizer.authorize(Optional.of("Bearer " + token))).isInstanceOf(CognitoAuthorizer.Refused.class);
    }

    private static JWTClaimsSet.Builder validClaims() {
        return TestTokens.claims(issuer, "ada_l");
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
        return TestTokens.signed(key, claims);
    }
}
