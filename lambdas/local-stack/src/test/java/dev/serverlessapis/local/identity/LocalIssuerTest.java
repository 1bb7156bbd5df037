package dev.serverlessapis.local.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.serverlessapis.local.LocalTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The running local issuer over real HTTP: discovery, JWKS, the page's code flow with PKCE, and the scripts' grant. */
class LocalIssuerTest {
    private static final String REDIRECT = "http://127.0.0.1:3000/";
    private static final String OTHER_REDIRECT = "http://localhost:3000/";
    private static RSAKey key;
    private static LocalIssuer issuer;

    @BeforeAll
    static void start() {
        key = LocalIssuer.newSigningKey();
        issuer = LocalIssuer.start(0, key, Clock.systemUTC());
        issuer.registerCallbackUrl(URI.create(REDIRECT));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void listensOnLoopbackAndPublishesDiscoveryWithItsEndpoints() {
        assertThat(issuer.issuer().getHost()).isEqualTo("127.0.0.1");
        var discovery = IssuerHttp.get(issuer.discovery());
        assertThat(discovery.statusCode()).isEqualTo(200);
        var document = IssuerHttp.json(discovery.body());
        assertThat(document.get("issuer").getAsString()).isEqualTo(issuer.issuer().toString());
        assertThat(document.get("jwks_uri").getAsString()).isEqualTo(issuer.jwks().toString());
        assertThat(document.get("token_endpoint").getAsString()).isEqualTo(issuer.tokenEndpoint().toString());
        assertThat(document.get("authorization_endpoint").getAsString()).isEqualTo(issuer.authorizationEndpoint().toString());
    }

    @Test
    void jwksHoldsOnlyThePublicHalfOfTheSigningKey() throws Exception {
        var jwks = JWKSet.parse(IssuerHttp.get(issuer.jwks()).body());
        assertThat(jwks.getKeys()).hasSize(1);
        var published = jwks.getKeys().getFirst().toRSAKey();
        assertThat(published.getKeyID()).isEqualTo(key.getKeyID());
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.toRSAPublicKey()).isEqualTo(key.toRSAPublicKey());
    }

    @Test
    void aScriptsPasswordGrantGetsAnIdTokenShapedLikeCognitos() throws Exception {
        var token = SignedJWT.parse(LocalTokens.passwordGrant(issuer, LocalIssuer.PAGE_CLIENT_ID, "ada_l", ""));
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(token.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        var claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer().toString());
        assertThat(claims.getAudience()).containsExactly(LocalIssuer.PAGE_CLIENT_ID);
        assertThat(token.getPayload().toJSONObject().get("aud")).as("a single audience is a string, as Cognito's").isEqualTo("local-page");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("ada_l");
        assertThat(claims.getSubject()).isEqualTo(LocalLogin.subjectOf("ada_l")).isNotEqualTo("ada_l").hasSize(36);
        assertThat(claims.getClaim("cognito:groups")).as("Cognito leaves the claim out for no groups").isNull();
        assertThat(claims.getClaim("nbf")).as("Cognito issues no nbf").isNull();
        assertThat(claims.getLongClaim("auth_time")).isBetween(claims.getIssueTime().getTime() / 1000 - 1, claims.getIssueTime().getTime() / 1000 + 1);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000);
        assertThat(claims.getClaims()).containsKeys("jti", "event_id", "origin_jti", "iat", "exp");
    }

    @Test
    void groupsArriveAsAJsonArray() throws Exception {
        var claims = SignedJWT.parse(LocalTokens.passwordGrant(issuer, LocalIssuer.PAGE_CLIENT_ID, "root", "admins,editors"))
                .getJWTClaimsSet();
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("admins", "editors");
    }

    @Test
    void refusesHandlesThatBreakTheUserIdRuleAndGrantsCognitoDoesNotGiveThePage() {
        var badHandle = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "password", "client_id", "local-page",
                "username", "ada lovelace", "password", "x"));
        assertThat(badHandle.statusCode()).isEqualTo(400);
        assertThat(IssuerHttp.json(badHandle.body()).get("error").getAsString()).isEqualTo("invalid_request");
        var clientCredentials = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "client_credentials",
                "client_id", "local-page", "client_secret", "x"));
        assertThat(clientCredentials.statusCode()).isEqualTo(400);
        assertThat(IssuerHttp.json(clientCredentials.body()).get("error").getAsString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void thePageCanReadARefusalAcrossOrigins() {
        var refused = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "implicit"), "Origin", "http://127.0.0.1:3000");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:3000");
    }

    @Test
    void thePagesCodeFlowWithPkceSignsInAsTheHandleTypedWithTheAdminBox() throws Exception {
        var verifier = "a-code-verifier-of-at-least-forty-three-characters-0123456789";
        var authorize = authorizeUri(challengeOf(verifier));
        var page = IssuerHttp.get(authorize);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Local stack only").contains("name=\"handle\"").contains("name=\"admin\"");

        var signedIn = IssuerHttp.postForm(authorize, Map.of("handle", "grace", "admin", "on"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        var location = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(REDIRECT).contains("state=st-1");
        var code = IssuerHttp.queryParameter(location, "code");

        var tokens = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", code,
                "client_id", LocalIssuer.PAGE_CLIENT_ID, "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        var claims = SignedJWT.parse(IssuerHttp.json(tokens.body()).get("id_token").getAsString()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("grace");
        assertThat(claims.getSubject()).isEqualTo(LocalLogin.subjectOf("grace"));
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("admins");
        assertThat(claims.getStringClaim("nonce")).isEqualTo("n-1");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
        assertThat(claims.getAudience()).containsExactly(LocalIssuer.PAGE_CLIENT_ID);
    }

    @Test
    void aCodeIsRedeemedOnlyWithItsPkceVerifier() {
        var authorize = authorizeUri(challengeOf("the-right-verifier-of-at-least-forty-three-characters-000"));
        var location = URI.create(IssuerHttp.postForm(authorize, Map.of("handle", "mallory")).headers().firstValue("Location").orElseThrow());
        var tokens = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", IssuerHttp.queryParameter(location, "code"),
                "client_id", LocalIssuer.PAGE_CLIENT_ID, "redirect_uri", REDIRECT,
                "code_verifier", "a-wrong-verifier-of-at-least-forty-three-characters-000000"));
        assertThat(tokens.statusCode()).isEqualTo(400);
    }

    @Test
    void theLoginPageRefusesAHandleThatBreaksTheRuleAndClaimsTheClientMadeUp() {
        var authorize = authorizeUri(challengeOf("another-verifier-of-at-least-forty-three-characters-0000000"));
        assertThat(IssuerHttp.postForm(authorize, Map.of("handle", "not/a handle")).statusCode()).isEqualTo(400);
        assertThat(IssuerHttp.postForm(authorize, Map.of("username", "ada", "claims", "{\"cognito:groups\":[\"admins\"]}"))
                .statusCode()).as("only the form's handle and box choose claims").isEqualTo(400);
    }

    @Test
    void anUnregisteredRedirectUriGetsNoLoginPageNoCodeAndNoTokens() {
        var verifier = "a-verifier-for-the-unregistered-page-of-forty-three-characters";
        var elsewhere = authorizeUri(challengeOf(verifier), REDIRECT + "index.html");
        var page = IssuerHttp.get(elsewhere);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("redirect_mismatch").doesNotContain("name=\"handle\"");
        var signedIn = IssuerHttp.postForm(elsewhere, Map.of("handle", "grace"));
        assertThat(signedIn.statusCode()).isEqualTo(400);
        assertThat(signedIn.headers().firstValue("Location")).as("no code is sent there").isEmpty();

        var location = URI.create(IssuerHttp.postForm(authorizeUri(challengeOf(verifier)), Map.of("handle", "grace"))
                .headers().firstValue("Location").orElseThrow());
        var tokens = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", IssuerHttp.queryParameter(location, "code"),
                "client_id", LocalIssuer.PAGE_CLIENT_ID, "redirect_uri", REDIRECT + "index.html", "code_verifier", verifier));
        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(IssuerHttp.json(tokens.body()).get("error").getAsString()).isEqualTo("invalid_grant");
    }

    /** RFC 6749 4.1.3: a code is redeemed with the redirect URI it was issued for, not merely a registered one. */
    @Test
    void aCodeIsRedeemedOnlyWithTheRedirectUriItWasIssuedFor() {
        issuer.registerCallbackUrl(URI.create(OTHER_REDIRECT));
        var verifier = "a-verifier-for-the-other-registered-page-forty-three-characters";
        var location = URI.create(IssuerHttp.postForm(authorizeUri(challengeOf(verifier)), Map.of("handle", "grace"))
                .headers().firstValue("Location").orElseThrow());

        var tokens = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", IssuerHttp.queryParameter(location, "code"),
                "client_id", LocalIssuer.PAGE_CLIENT_ID, "redirect_uri", OTHER_REDIRECT, "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(400);
        assertThat(IssuerHttp.json(tokens.body()).get("error").getAsString()).isEqualTo("invalid_grant");
    }

    /** mock-oauth2-server alone would issue tokens for any code; only a code the issuer sent is redeemed. */
    @Test
    void aCodeTheIssuerNeverSentOrNoCodeGetsNoTokens() {
        var verifier = "a-verifier-for-a-code-that-was-never-sent-forty-three-characters";
        var neverSent = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", "a-code-never-sent",
                "client_id", LocalIssuer.PAGE_CLIENT_ID, "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertThat(neverSent.statusCode()).as(neverSent.body()).isEqualTo(400);
        assertThat(IssuerHttp.json(neverSent.body()).get("error").getAsString()).isEqualTo("invalid_grant");
        var noCode = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "client_id", LocalIssuer.PAGE_CLIENT_ID, "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertThat(noCode.statusCode()).as(noCode.body()).isEqualTo(400);
        assertThat(IssuerHttp.json(noCode.body()).get("error").getAsString()).isEqualTo("invalid_request");
        var noRedirect = IssuerHttp.postForm(issuer.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", "a-code-never-sent",
                "client_id", LocalIssuer.PAGE_CLIENT_ID, "code_verifier", verifier));
        assertThat(noRedirect.statusCode()).as(noRedirect.body()).isEqualTo(400);
        assertThat(IssuerHttp.json(noRedirect.body()).get("error").getAsString()).isEqualTo("invalid_grant");
    }

    private static URI authorizeUri(String challenge) {
        return authorizeUri(challenge, REDIRECT);
    }

    private static URI authorizeUri(String challenge, String redirect) {
        return URI.create(issuer.authorizationEndpoint() + "?response_type=code&client_id=" + LocalIssuer.PAGE_CLIENT_ID
                + "&redirect_uri=" + redirect.replace(":", "%3A").replace("/", "%2F")
                + "&scope=openid&state=st-1&nonce=n-1&code_challenge_method=S256&code_challenge=" + challenge);
    }

    private static String challengeOf(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
