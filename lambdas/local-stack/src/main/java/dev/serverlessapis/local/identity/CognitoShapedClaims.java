package dev.serverlessapis.local.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * The claims of a Cognito user pool's ID token, added to what mock-oauth2-server puts in every token ({@code iss},
 * {@code aud} = the client id, {@code exp}, {@code iat}, {@code jti}, {@code nonce}): {@code token_use=id},
 * {@code auth_time}, {@code event_id}, {@code origin_jti}, and for the password grant the user's {@code sub},
 * {@code cognito:username} (the handle) and {@code cognito:groups} (a JSON array, left out when empty, as Cognito does).
 * After the login page, {@link LocalLogin} supplies the user's claims instead. Cognito issues no {@code nbf}, so the
 * library's is removed.
 */
final class CognitoShapedClaims implements OAuth2TokenCallback {
    /** Cognito's default ID token validity. */
    static final long ID_TOKEN_SECONDS = 3600;

    private final String issuerId;
    private final Clock clock;

    CognitoShapedClaims(String issuerId, Clock clock) {
        this.issuerId = issuerId;
        this.clock = clock;
    }

    @Override
    public String issuerId() {
        return issuerId;
    }

    @Override
    public String subject(TokenRequest tokenRequest) {
        return null;
    }

    @Override
    public String typeHeader(TokenRequest tokenRequest) {
        return JOSEObjectType.JWT.getType();
    }

    /** The audience of the access token: none, as a Cognito access token names its client in {@code client_id} instead. */
    @Override
    public List<String> audience(TokenRequest tokenRequest) {
        return List.of();
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest tokenRequest) {
        var claims = new HashMap<String, Object>();
        claims.put("token_use", "id");
        claims.put("auth_time", clock.instant().getEpochSecond());
        claims.put("event_id", UUID.randomUUID().toString());
        claims.put("origin_jti", UUID.randomUUID().toString());
        claims.put("nbf", null);
        if (tokenRequest.getAuthorizationGrant() instanceof ResourceOwnerPasswordCredentialsGrant password) {
            var groups = Optional.ofNullable(tokenRequest.getCustomParameters().get("groups"))
                    .flatMap(values -> values.stream().findFirst()).map(LocalLogin::groupsOf).orElse(List.of());
            claims.putAll(LocalLogin.userClaims(password.getUsername(), groups));
        }
        return claims;
    }

    @Override
    public long tokenExpiry() {
        return ID_TOKEN_SECONDS;
    }
}
