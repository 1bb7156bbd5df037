package dev.serverlessapis.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make user (scripts/user) with terraform and aws stood in for: a person of the environment's pool, with or without
 * an email and the admins group, whose generated password is printed once and never put on an aws command line.
 */
class UserScriptTest {
    @TempDir
    Path work;

    private Path environment;
    private FakeCommands fakes;

    @BeforeEach
    void aDeployedDevEnvironment() throws IOException {
        environment = FakeCommands.deployed("dev", work);
        fakes = FakeCommands.in(work)
                .answer("terraform", "output -raw user_pool_id", "eu-west-1_AbCdEf123")
                // As terraform prints a map: over several lines, a space after each colon.
                .answer("terraform", "output -json table_names", "{\n  \"chirp\": \"serverless-apis-dev-chirp\",\n"
                        + "  \"user-profiles\": \"serverless-apis-dev-user-profiles\"\n}")
                .answer("aws", "dynamodb query", "0")
                .answer("aws", "dynamodb scan", "0")
                .answer("aws", "cognito-idp admin-", "");
    }

    /**
     * A handle is the person: one that chirps carry or profiles are owned by was someone's, and a new person under it
     * would own what they left, so it is refused before the pool is touched, unless REUSE=1 says it is the same person.
     */
    @Test
    void aHandleThatChirpsCarryOrProfilesAreOwnedByIsRefusedUnlessReused() throws Exception {
        for (var left : java.util.List.of("dynamodb query", "dynamodb scan")) {
            var used = FakeCommands.in(work.resolve(left.replace(' ', '-')));
            used.answer("terraform", "output -raw user_pool_id", "eu-west-1_AbCdEf123")
                    .answer("terraform", "output -json table_names", "{\"chirp\": \"serverless-apis-dev-chirp\", \"user-profiles\": \"serverless-apis-dev-user-profiles\"}")
                    .answer("aws", "dynamodb query", "0").answer("aws", "dynamodb scan", "0")
                    .answer("aws", left, "3")
                    .answer("aws", "cognito-idp admin-", "");

            var refused = used.run("user", environment.toString(), "ada");
            assertThat(refused.status()).as(left).isNotZero();
            assertThat(refused.stderr()).contains("The handle ada was someone's").contains("REUSE=1");
            assertThat(used.calls()).as("the pool is not touched").noneMatch(call -> call.startsWith("aws cognito-idp"));

            var reused = used.environment("REUSE", "1").run("user", environment.toString(), "ada");
            assertThat(reused.status()).as(reused.stderr()).isZero();
            assertThat(used.calls()).anyMatch(call -> call.startsWith("aws cognito-idp admin-create-user"));
        }
    }

    /** The counts come from the environment's own tables, by the handle's key and owner attribute, and read no item. */
    @Test
    void theHandleIsLookedUpInTheEnvironmentsChirpsAndProfilesByCountOnly() throws Exception {
        assertThat(fakes.run("user", environment.toString(), "ada").status()).isZero();

        var lookups = fakes.calls().stream().filter(call -> call.startsWith("aws dynamodb")).toList();
        assertThat(lookups).hasSize(2);
        assertThat(lookups.get(0)).startsWith("aws dynamodb query --region eu-west-1 --table-name serverless-apis-dev-chirp")
                .contains("--key-condition-expression " + dev.serverlessapis.local.ApiSpec.load().table("chirp").partitionKey().name() + " = :h").contains("{\":h\":{\"S\":\"ada\"}}").contains("--select COUNT");
        assertThat(lookups.get(1)).startsWith("aws dynamodb scan --region eu-west-1 --table-name serverless-apis-dev-user-profiles")
                .contains("{\"#owner\":\"" + dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles.CREATED_BY + "\"}").contains("{\":h\":{\"S\":\"ada\"}}").contains("--select COUNT");
    }

    @Test
    void aPersonWithoutEmailOrAdminIsCreatedWithAPasswordPrintedOnceThatNoCommandLineHeld() throws Exception {
        var run = fakes.run("user", environment.toString(), "ada");
        assertThat(run.status()).as(run.stderr()).isZero();
        var password = run.lastLine();
        assertThat(password).matches("[A-Za-z0-9]{20,}Aa1");

        var calls = fakes.calls();
        var aws = calls.stream().filter(call -> call.startsWith("aws cognito-idp")).toList();
        assertThat(aws).extracting(call -> call.split(" ")[2]).containsExactly("admin-create-user", "admin-set-user-password");
        assertThat(aws).allSatisfy(call -> assertThat(call).doesNotContain(password));
        assertThat(aws.getFirst()).doesNotContain("--user-attributes")
                .startsWith("aws cognito-idp admin-create-user --region eu-west-1 --user-pool-id eu-west-1_AbCdEf123 --username ada --message-action SUPPRESS");
        var set = calls.stream().filter(call -> call.contains("admin-set-user-password")).findFirst().orElseThrow();
        assertThat(set).as("temporary: the person chooses their own at the first sign-in").containsPattern("--password file:///dev/fd/\\d+$");
        assertThat(calls.get(calls.indexOf(set) + 1)).startsWith("  file:///dev/fd/").endsWith(" holds " + password);
        assertThat(run.stdout()).contains("temporary: at their first sign-in on the page, within 3 days, they choose their own");
    }

    @Test
    void aPermanentPasswordIsOnlyForTheAccountsScriptsSignInAs() throws Exception {
        var run = fakes.run("user", environment.toString(), "ada", "", "", "1");
        assertThat(run.status()).as(run.stderr()).isZero();
        var set = fakes.calls().stream().filter(call -> call.contains("admin-set-user-password")).findFirst().orElseThrow();
        assertThat(set).containsPattern("--password file:///dev/fd/\\d+ --permanent$");
        assertThat(run.stdout()).contains("permanent, for scripts and tests");
    }

    @Test
    void anAdminWithAnEmailIsCreatedVerifiedAndJoinsTheAdmins() throws Exception {
        var run = fakes.run("user", environment.toString(), "grace", "1", "grace@example.com");
        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("Created grace (admin) in eu-west-1_AbCdEf123.");

        var calls = fakes.calls().stream().filter(call -> call.startsWith("aws cognito-idp")).toList();
        assertThat(calls.getFirst()).contains("--username grace --message-action SUPPRESS --user-attributes Name=email,Value=grace@example.com Name=email_verified,Value=true");
        assertThat(calls.getLast()).isEqualTo("aws cognito-idp admin-add-user-to-group --region eu-west-1 --user-pool-id eu-west-1_AbCdEf123 --username grace --group-name admins");
    }
}
