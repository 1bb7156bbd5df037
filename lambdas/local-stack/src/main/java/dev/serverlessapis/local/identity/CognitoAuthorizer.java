package dev.serverlessapis.local.identity;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.serverlessapis.adapters.apigateway.Problems;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API Gateway's Cognito user pool authorizer, in the local stack: the {@code Authorization} header holds an ID token
 * (bare, or after {@code Bearer }), which must be RS256-signed by a key of the issuer's JWKS, from the configured
 * issuer, unexpired, for one of the configured app clients, with {@code token_use=id} (a method without OAuth scopes
 * takes only ID tokens). Anything else, a missing header included, is refused with 401; nothing about why reaches the
 * caller, as on AWS.
 */
public final class CognitoAuthorizer {
    private static final int NO_CLOCK_SKEW = 0;
    private static final int JWKS_TIMEOUT_MILLIS = 5_000;
    private static final int JWKS_MAX_BYTES = 64 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor;

    public CognitoAuthorizer(URI issuer, URI jwks, Set<String> appClientIds, Clock clock) {
        if (appClientIds.isEmpty()) {
            throw new IllegalArgumentException("a Cognito authorizer accepts the tokens of at least one app client");
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keysOf(jwks)));
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(
                // Mutable sets: the verifier asks them whether they contain null, which Set.of() answers with an exception.
                new HashSet<>(appClientIds),
                new JWTClaimsSet.Builder().issuer(issuer.toString()).claim("token_use", "id").build(),
                new HashSet<>(Set.of("sub", "exp", "iat")),
                new HashSet<>()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew(NO_CLOCK_SKEW);
        processor.setJWTClaimsSetVerifier(verifier);
    }

    public sealed interface Outcome permits Allowed, Refused {
    }

    /** The claims for {@code requestContext.authorizer.claims}. */
    public record Allowed(Map<String, String> claims) implements Outcome {
    }

    /** Why, for the emulator's log only. */
    public record Refused(String reason) implements Outcome {
    }

    public Outcome authorize(Optional<String> authorizationHeader) {
        var token = authorizationHeader.map(String::strip).map(CognitoAuthorizer::withoutBearer).filter(value -> !value.isEmpty());
        if (token.isEmpty()) {
            return new Refused("no Authorization header");
        }
        try {
            return new Allowed(AuthorizerClaims.of(processor.process(token.get(), null)));
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            return new Refused(refused.getClass().getSimpleName() + ": " + refused.getMessage());
        }
    }

    /** The gateway response for every refusal: a problem document, like the emulator's other gateway responses. */
    public static APIGatewayProxyResponseEvent unauthorized() {
        return Problems.unauthorized("Sign in: send a valid ID token of this API's user pool as 'Authorization: Bearer <token>'.")
                .toProxyResponse();
    }

    private static String withoutBearer(String header) {
        return header.toLowerCase(Locale.ROOT).startsWith("bearer ") ? header.substring("bearer ".length()).strip() : header;
    }

    private static JWKSource<SecurityContext> keysOf(URI jwks) {
        try {
            // The library's default half-second timeouts fail a busy machine's first fetch, and then every token with it.
            return JWKSourceBuilder.create(jwks.toURL(), new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_MAX_BYTES))
                    .retrying(true).build();
        } catch (MalformedURLException notAUrl) {
            throw new IllegalArgumentException("the JWKS address is not a URL: " + jwks, notAUrl);
        }
    }
}
