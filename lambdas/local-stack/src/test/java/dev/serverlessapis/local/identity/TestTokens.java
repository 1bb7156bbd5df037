package dev.serverlessapis.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** ID tokens made here, to break one rule at a time: the claims the local issuer's would carry, signed with any key. */
public final class TestTokens {
    private TestTokens() {
    }

    /** A valid ID token's claims for {@code handle}, an admin, from {@code issuer} for the page's app client. */
    public static JWTClaimsSet.Builder claims(LocalIssuer issuer, String handle) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer.issuer().toString())
                .audience(LocalIssuer.PAGE_CLIENT_ID)
                .subject(UUID.randomUUID().toString())
                .claim("token_use", "id")
                .claim("cognito:username", handle)
                .claim("cognito:groups", List.of("admins"))
                .claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    /** The same claims, issued two hours ago and expired a second ago. */
    public static JWTClaimsSet.Builder expired(JWTClaimsSet.Builder claims) {
        var now = Instant.now();
        return claims.issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(1)));
    }

    /** RS256 under the key's own key id, as the issuer signs. */
    public static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException unsignable) {
            throw new IllegalStateException("cannot sign a test token", unsignable);
        }
    }
}
