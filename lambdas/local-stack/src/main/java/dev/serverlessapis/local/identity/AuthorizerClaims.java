package dev.serverlessapis.local.identity;

import com.google.gson.Gson;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A verified token's claims as API Gateway's REST API Cognito user pool authorizer hands them to a Lambda proxy
 * integration in {@code requestContext.authorizer.claims}: every value a string. {@code exp} and {@code iat} become
 * dates such as {@code Tue Jun 04 04:23:31 UTC 2019}; other numbers ({@code auth_time}) their decimal digits; booleans
 * {@code true}/{@code false}; an array ({@code cognito:groups}) its elements joined by commas without spaces.
 *
 * <p>Source of the shape: an event API Gateway delivered to a Lambda function behind a Cognito authorizer, recorded
 * together with the ID token it was given, in AWS's sample aws-samples/amazon-cognito-example-for-external-idp
 * ({@code lambda/api/tests/app.test.ts}): {@code "cognito:groups":["test","test2"]} arrived as {@code "test,test2"},
 * {@code "exp":1559622211} as {@code "Tue Jun 04 04:23:31 UTC 2019"}, {@code "auth_time":1559612917} as
 * {@code "1559612917"}, {@code "email_verified":true} as {@code "true"}. The same date format is in the event of
 * amazon-archives/amazon-cognito-identity-js issue 92. Nested objects (Cognito's {@code identities} for federated
 * users) are passed as their JSON text: that case is not in the recorded events.
 */
final class AuthorizerClaims {
    private static final Set<String> DATES = Set.of("exp", "iat");
    private static final DateTimeFormatter JAVA_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Gson GSON = new Gson();

    private AuthorizerClaims() {
    }

    static Map<String, String> of(JWTClaimsSet claims) {
        var shaped = new LinkedHashMap<String, String>();
        claims.toJSONObject().forEach((name, value) -> {
            if (value != null) {
                shaped.put(name, DATES.contains(name) ? date(value) : text(value));
            }
        });
        return shaped;
    }

    private static String date(Object value) {
        var instant = switch (value) {
            case Date date -> date.toInstant();
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            default -> throw new IllegalArgumentException("a date claim is a number of seconds, not " + value);
        };
        return JAVA_DATE.format(instant);
    }

    private static String text(Object value) {
        return switch (value) {
            case String string -> string;
            case Boolean bool -> bool.toString();
            case Double number when number == Math.rint(number) && !number.isInfinite() -> Long.toString(number.longValue());
            case Number number -> number.toString();
            case Collection<?> list -> list.stream().map(AuthorizerClaims::text).collect(Collectors.joining(","));
            default -> GSON.toJson(value);
        };
    }
}
