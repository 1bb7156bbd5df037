package dev.serverlessapis.local.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

/**
 * The recorded shape: the claims of an ID token as API Gateway's Cognito authorizer put them in
 * {@code requestContext.authorizer.claims}. The numbers, booleans and groups are those of the event AWS recorded in
 * aws-samples/amazon-cognito-example-for-external-idp ({@code lambda/api/tests/app.test.ts}) beside the token it
 * decoded; names and ids here are made up.
 */
class AuthorizerClaimsTest {
    @Test
    void everyClaimArrivesAsAStringInTheRecordedShape() throws ParseException {
        var token = JWTClaimsSet.parse("""
                {"sub":"5f0c2a9e-6a43-4c1e-9a55-2b7d8c1e0f11","aud":"3h2k9example","cognito:groups":["test","test2"],
                 "email_verified":true,"token_use":"id","auth_time":1559612917,
                 "iss":"https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Example1",
                 "cognito:username":"ada_l","exp":1559622211,"iat":1559618611,"email":"ada@example.com"}
                """);
        assertThat(AuthorizerClaims.of(token))
                .containsEntry("cognito:groups", "test,test2")
                .containsEntry("email_verified", "true")
                .containsEntry("auth_time", "1559612917")
                .containsEntry("exp", "Tue Jun 04 04:23:31 UTC 2019")
                .containsEntry("iat", "Tue Jun 04 03:23:31 UTC 2019")
                .containsEntry("token_use", "id")
                .containsEntry("aud", "3h2k9example")
                .containsEntry("cognito:username", "ada_l")
                .containsEntry("iss", "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Example1")
                .hasSize(11);
    }

    @Test
    void oneGroupIsJustItsNameAndNoGroupsMeansNoClaim() throws ParseException {
        assertThat(AuthorizerClaims.of(JWTClaimsSet.parse("{\"cognito:groups\":[\"admins\"],\"exp\":1559622211}")))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("cognito:groups", "admins", "exp", "Tue Jun 04 04:23:31 UTC 2019"));
        assertThat(AuthorizerClaims.of(JWTClaimsSet.parse("{\"sub\":\"x\"}"))).doesNotContainKey("cognito:groups");
    }

    @Test
    void singleDigitDaysArePaddedAsJavaDatesAre() throws ParseException {
        assertThat(AuthorizerClaims.of(JWTClaimsSet.parse("{\"iat\":1546387200}"))).containsEntry("iat", "Wed Jan 02 00:00:00 UTC 2019");
    }
}
