package dev.serverlessapis.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.serverlessapis.local.ApiSpec;
import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import dev.serverlessapis.local.dynamodb.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The smoke test deploy runs against a new stage (scripts/smoke, scripts/smoke-requests): one request per function,
 * each answered by that function and changing nothing. Run here against the local stack, whose functions are the
 * same handler classes, signed in as an admin; with API_ENDPOINT (and TOKEN_ADMIN) set, against that deployed stage.
 */
@Tag("end-to-end")
@ExtendWith(WithTestStack.class)
class SmokeTest {
    private static final ApiSpec SPEC = ApiSpec.load();

    record SmokeRequest(String function, int status, String caller, String method, String pathAndQuery) {
        String path() {
            return pathAndQuery.replaceFirst("\\?.*", "");
        }
    }

    private final TestStack stack;

    @TempDir
    Path work;

    SmokeTest(TestStack stack) {
        this.stack = stack;
    }

    static List<SmokeRequest> requests() {
        return Terraform.read(FakeCommands.SCRIPTS.resolve("smoke-requests")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(fields -> {
                    assertThat(fields).as(String.join("|", fields)).hasSize(7);
                    return new SmokeRequest(fields[0], Integer.parseInt(fields[1]), fields[2], fields[3], fields[4]);
                }).toList();
    }

    @Test
    void theSmokeRequestsCallEveryFunctionOnceOnOneOfItsOwnRoutes() {
        var requests = requests();
        assertThat(requests).extracting(SmokeRequest::function)
                .containsExactlyInAnyOrderElementsOf(SPEC.functions().stream().map(ApiSpec.Function::name).toList());
        for (var request : requests) {
            assertThat(SPEC.routes()).as(request.toString()).anyMatch(route -> route.function().equals(request.function())
                    && route.method().equals(request.method()) && route.caller().equals(request.caller())
                    && Pattern.matches(route.path().replaceAll("\\{[^}]+}", "[^/]+"), request.path()));
            assertThat(request.status()).as("a function's own answer, never a failure").isBetween(200, 499);
        }
    }

    @Test
    void withoutATokenEverySignedInRouteAnswersTheAuthorizers401AndEveryPublicOneItsFunction() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "the smoke test needs curl");
        var before = items();
        var run = new FakeCommands(work).environment("SMOKE_ATTEMPTS", "1").run("smoke", stack.apiEndpoint().toString());
        assertThat(run.status()).as(run.stdout()).isZero();
        var signedIn = requests().stream().filter(request -> request.caller().equals(ApiSpec.Route.SIGNED_IN)).map(SmokeRequest::function).toList();
        assertThat(signedIn).isNotEmpty();
        assertThat(run.lines().stream().filter(line -> line.startsWith("ok") && line.endsWith("-> 401")).map(line -> line.split("\\s+")[1]))
                .containsExactlyInAnyOrderElementsOf(signedIn);
        assertThat(items()).as("items per table").isEqualTo(before);
    }

    @Test
    void everySmokeRequestGetsItsFunctionsAnswerAndChangesNoItem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "the smoke test needs curl");
        var before = items();
        var run = smoke(stack.apiEndpoint().toString());
        assertThat(run.status()).as(run.stdout()).isZero();
        assertThat(run.lines().stream().filter(line -> line.startsWith("ok"))).hasSize(SPEC.functions().size());
        assertThat(run.lastLine()).isEqualTo("smoke: every function answered on " + stack.apiEndpoint() + ".");
        assertThat(items()).as("items per table").isEqualTo(before);
    }

    @Test
    void aStageThatAnswersOtherwiseFailsNamingEachFunctionThatDid() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "the smoke test needs curl");
        assumeFalse(TestStack.againstDeployedStage());
        // A base URL with no routes under it: every request is a 404 from the emulator itself.
        var run = smoke(stack.apiEndpoint() + "/no-such-stage");
        assertThat(run.status()).isEqualTo(1);
        var failed = requests().stream().filter(request -> request.status() != 404).map(SmokeRequest::function).toList();
        assertThat(run.lines().stream().filter(line -> line.startsWith("FAIL")).map(line -> line.split("\\s+")[1]))
                .containsExactlyInAnyOrderElementsOf(failed);
        assertThat(run.lastLine()).startsWith("smoke: " + failed.size() + " functions did not answer as expected");
    }

    private FakeCommands.Run smoke(String base) throws Exception {
        return new FakeCommands(work).environment("SMOKE_ATTEMPTS", "1")
                .environment("SMOKE_ID_TOKEN", stack.idToken("smoke", true)).run("smoke", base);
    }

    /** How many items each table holds (locally; a deployed stage's tables are not this test's to count). */
    private Map<String, Integer> items() {
        if (TestStack.againstDeployedStage()) {
            return Map.of();
        }
        return SPEC.tables().stream().collect(Collectors.toMap(TableSpec::name,
                table -> stack.dynamoDb().scan(scan -> scan.tableName(table.name()).select(Select.COUNT)).count()));
    }
}
