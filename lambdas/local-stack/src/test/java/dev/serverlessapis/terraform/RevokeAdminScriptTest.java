package dev.serverlessapis.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make revoke-admin (scripts/revoke-admin) with terraform and aws stood in for: the person leaves the group and is
 * signed out everywhere, in that order, and the script says until when the ID tokens they already hold, which still
 * carry the group, are accepted: their lifetime, as the app client says it (the CLI's text output of the query).
 */
class RevokeAdminScriptTest {
    @TempDir
    Path work;

    private Path environment;
    private FakeCommands fakes;

    @BeforeEach
    void aDeployedProdEnvironment() throws IOException {
        environment = FakeCommands.deployed("prod", work);
        fakes = FakeCommands.in(work)
                .answer("terraform", "output -raw user_pool_id", "eu-west-1_AbCdEf123")
                .answer("terraform", "output -raw page_client_id", "3h2k9example")
                .answer("aws", "cognito-idp admin-remove-user-from-group", "")
                .answer("aws", "cognito-idp admin-user-global-sign-out", "")
                .answer("aws", "cognito-idp describe-user-pool-client", "60\tminutes");
    }

    @Test
    void thePersonLeavesAdminsIsSignedOutEverywhereAndIsToldWhenTheirLastTokenExpires() throws Exception {
        var before = Instant.now();
        var run = fakes.run("revoke-admin", environment.toString(), "ada");

        assertThat(run.status()).as(run.stderr()).isZero();
        var calls = fakes.calls().stream().filter(call -> call.startsWith("aws ")).toList();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).contains("cognito-idp admin-remove-user-from-group", "--user-pool-id eu-west-1_AbCdEf123",
                "--username ada", "--group-name admins");
        assertThat(calls.get(1)).contains("cognito-idp admin-user-global-sign-out", "--user-pool-id eu-west-1_AbCdEf123", "--username ada");
        assertThat(calls.get(2)).contains("--client-id 3h2k9example");
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        var until = run.lines().getLast();
        assertThat(until).contains("ada may still act as an admin until ", "(60 minutes)");
        assertThat(until).containsAnyOf(format.format(before.plusSeconds(3600)), format.format(before.plusSeconds(3660)));
    }

    @Test
    void aLifetimeInHoursOrDaysIsCountedInThem() throws Exception {
        fakes.answer("aws", "cognito-idp describe-user-pool-client", "1\tdays");
        assertThat(fakes.run("revoke-admin", environment.toString(), "ada").lastLine()).contains("(1440 minutes)");
        fakes.answer("aws", "cognito-idp describe-user-pool-client", "2\thours");
        assertThat(fakes.run("revoke-admin", environment.toString(), "ada").lastLine()).contains("(120 minutes)");
    }

    /** A client changed by hand may answer no validity: the person is already out, so the default hour is told. */
    @Test
    void noValidityOnTheClientIsCognitosDefaultHour() throws Exception {
        fakes.answer("aws", "cognito-idp describe-user-pool-client", "None\tNone");
        var run = fakes.run("revoke-admin", environment.toString(), "ada");
        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.lastLine()).contains("(60 minutes)");
    }

    @Test
    void aPersonWhoCannotBeRemovedIsNotReportedRevoked() throws Exception {
        fakes.answer("aws", "cognito-idp admin-remove-user-from-group", 254, "", "An error occurred (UserNotFoundException): User does not exist.");
        var run = fakes.run("revoke-admin", environment.toString(), "ada");

        assertThat(run.status()).isNotZero();
        assertThat(run.stdout()).doesNotContain("Removed");
        assertThat(run.stderr()).contains("UserNotFoundException");
    }
}
