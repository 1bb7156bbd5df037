package dev.serverlessapis.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make token (scripts/token) with terraform and aws stood in for. Cognito answers ADMIN_USER_PASSWORD_AUTH with a
 * challenge instead of tokens for a person with MFA or a temporary password; the AWS CLI then prints {@code None} for
 * the token, which a script would send as {@code Bearer None}. Each answer below is what the CLI prints for the
 * script's {@code --query} and {@code --output text}: tab-separated, {@code None} for a missing value.
 */
class TokenScriptTest {
    private static final String QUERY = "--query [ChallengeName, AuthenticationResult.IdToken, Session] --output text";
    private static final String RESPOND = "cognito-idp admin-respond-to-auth-challenge";
    private static final String TOKEN = "eyJraWQiOiJrIn0.eyJzdWIiOiJhZGEifQ.c2ln";

    @TempDir
    Path work;

    private Path environment;
    private FakeCommands fakes;

    @BeforeEach
    void aDeployedDevEnvironment() throws IOException {
        environment = FakeCommands.deployed("dev", work);
        fakes = FakeCommands.in(work)
                .environment("PASSWORD", "correct-horse-Battery-9")
                .answer("terraform", "output -raw user_pool_id", "eu-west-1_AbCdEf123")
                .answer("terraform", "output -raw page_client_id", "3h2k9example");
    }

    @Test
    void aPersonWithoutChallengeGetsTheirIdToken() throws Exception {
        fakes.answer("aws", QUERY, "None\t" + TOKEN + "\tNone");
        var run = fakes.run("token", environment.toString(), "ada");
        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("eyJraWQiOiJrIn0.eyJzdWIiOiJhZGEifQ.c2ln\n");
        assertThat(fakes.calls()).anySatisfy(call -> assertThat(call).startsWith("aws cognito-idp admin-initiate-auth --region eu-west-1 "
                + "--user-pool-id eu-west-1_AbCdEf123 --client-id 3h2k9example --auth-flow ADMIN_USER_PASSWORD_AUTH"));
    }

    /**
     * The password is never on the aws command line, which anyone on the machine can read while it runs (ps): it is
     * in the JSON the CLI reads from a pipe, escaped, so a password holding {@code "}, {@code \}, {@code ,} or
     * {@code =} (which the CLI's shorthand syntax would split on) reaches Cognito as typed.
     */
    @Test
    void thePasswordReachesTheCliThroughAPipeAsTypedAndNeverOnItsCommandLine() throws Exception {
        var password = "a \"quoted\", back\\slashed=Pa55word";
        fakes.environment("PASSWORD", password).answer("aws", QUERY, "None\t" + TOKEN + "\tNone");
        var run = fakes.run("token", environment.toString(), "ada");
        assertThat(run.status()).as(run.stderr()).isZero();

        var calls = fakes.calls();
        var auth = calls.stream().filter(call -> call.startsWith("aws cognito-idp admin-initiate-auth")).findFirst().orElseThrow();
        assertThat(auth).doesNotContain("Pa55word").containsPattern("--auth-parameters file:///dev/fd/\\d+ ");
        var sent = calls.get(calls.indexOf(auth) + 1);
        assertThat(sent).startsWith("  file:///dev/fd/");
        var parameters = com.google.gson.JsonParser.parseString(sent.substring(sent.indexOf(" holds ") + 7)).getAsJsonObject();
        assertThat(parameters.get("USERNAME").getAsString()).isEqualTo("ada");
        assertThat(parameters.get("PASSWORD").getAsString()).isEqualTo(password);
        assertThat(parameters.keySet()).containsExactly("USERNAME", "PASSWORD");
    }

    /**
     * Where the pool requires MFA, the password's answer is a challenge and a session; the script answers it with the
     * authenticator app's code (MFA_CODE here, else asked for), both through a pipe, and prints the token that comes back.
     */
    @Test
    void aPersonWithAnAuthenticatorAppAnswersItsCodeAndGetsTheirIdToken() throws Exception {
        fakes.environment("MFA_CODE", "123456")
                .answer("aws", QUERY, "SOFTWARE_TOKEN_MFA\tNone\tAYABeSession-of-the-password")
                .answer("aws", RESPOND, "None\t" + TOKEN);
        var run = fakes.run("token", environment.toString(), "ada");
        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(TOKEN + "\n");

        var calls = fakes.calls();
        var respond = calls.stream().filter(call -> call.startsWith("aws " + RESPOND)).findFirst().orElseThrow();
        assertThat(respond).contains("--region eu-west-1 --user-pool-id eu-west-1_AbCdEf123 --client-id 3h2k9example "
                + "--challenge-name SOFTWARE_TOKEN_MFA --session file:///dev/fd/").doesNotContain("123456").doesNotContain("AYABe");
        var sent = calls.subList(calls.indexOf(respond) + 1, calls.size()).stream().takeWhile(line -> line.startsWith("  file://")).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).endsWith(" holds AYABeSession-of-the-password");
        var responses = com.google.gson.JsonParser.parseString(sent.get(1).substring(sent.get(1).indexOf(" holds ") + 7)).getAsJsonObject();
        assertThat(responses.get("USERNAME").getAsString()).isEqualTo("ada");
        assertThat(responses.get("SOFTWARE_TOKEN_MFA_CODE").getAsString()).isEqualTo("123456");
    }

    @Test
    void aCodeCognitoRefusesEndsTheScriptWithoutAToken() throws Exception {
        fakes.environment("MFA_CODE", "000000")
                .answer("aws", QUERY, "SOFTWARE_TOKEN_MFA\tNone\tAYABeSession-of-the-password")
                .answer("aws", RESPOND, 254, "", "An error occurred (CodeMismatchException) when calling the AdminRespondToAuthChallenge operation: Invalid code received for user");
        var run = fakes.run("token", environment.toString(), "ada");
        assertThat(run.status()).isNotZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("CodeMismatchException");
    }

    @Test
    void aChallengeInsteadOfTokensFailsSayingWhyAndPrintsNoToken() throws Exception {
        for (var challenge : new String[] {"MFA_SETUP", "NEW_PASSWORD_REQUIRED", "SELECT_MFA_TYPE"}) {
            fakes.answer("aws", QUERY, challenge + "\tNone\tAYABeSession");
            var run = fakes.run("token", environment.toString(), "ada");
            assertThat(run.status()).as(challenge).isNotZero();
            assertThat(run.stdout()).as(challenge).isEmpty();
            assertThat(run.stderr()).as(challenge).contains("Cognito answered ada with the challenge " + challenge + " instead of a token");
        }
        fakes.answer("aws", QUERY, "NEW_PASSWORD_REQUIRED\tNone\tAYABeSession");
        assertThat(fakes.run("token", environment.toString(), "ada").stderr()).contains("temporary password");
        fakes.answer("aws", QUERY, "MFA_SETUP\tNone\tAYABeSession");
        assertThat(fakes.run("token", environment.toString(), "ada").stderr()).contains("sign in once on the page, which sets one up");
    }
}
