package dev.serverlessapis.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.ApiSpec;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, proven: the DynamoDB actions each function performed during the handler tests (recorded by
 * {@link DynamoDbCallRecorder}) are exactly the actions api.json lists for it, on its own table and indexes, and the
 * Terraform grants exactly those lists. Runs after every other test class (junit-platform.properties orders classes
 * by {@link Order}), and with the handler tests, whose tag it shares.
 */
@Tag("handler")
@Order(Integer.MAX_VALUE)
class LeastPrivilegeTest {
    private static final ApiSpec SPEC = ApiSpec.load();

    @Test
    void everyFunctionPerformedExactlyTheDynamoDbActionsApiJsonGrantsIt() {
        var recorded = DynamoDbCallRecorder.calls();
        for (var function : SPEC.functions()) {
            var calls = recorded.getOrDefault(function.name(), Set.of());
            assertThat(calls).as("no handler test invoked %s through Functions.invoke, so its privileges are unproven", function.name())
                    .isNotEmpty();
            var table = SPEC.table(function.table());
            var indexes = new HashSet<String>();
            table.indexes().forEach(index -> indexes.add(index.name()));
            var onTable = new TreeSet<String>();
            var onIndexes = new TreeSet<String>();
            for (var call : calls) {
                assertThat(call.table()).as("%s touched another function's table", function.name()).isEqualTo(table.name());
                if (call.index().isPresent()) {
                    assertThat(indexes).as("%s used an index of its table api.json does not declare", function.name()).contains(call.index().get());
                    onIndexes.add(call.action());
                } else {
                    onTable.add(call.action());
                }
            }
            assertThat(onTable).as("%s: actions on its table (api.json tableActions)", function.name())
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(function.tableActions()));
            assertThat(onIndexes).as("%s: actions on its indexes (api.json indexActions)", function.name())
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(function.indexActions()));
        }
    }

    @Test
    void terraformGrantsEachFunctionTheApiJsonActionsOnItsOwnTableAndIndexesOnly() {
        var call = Terraform.named(Terraform.module("application"), "module", "function");
        assertThat(call.attribute("table_arn")).contains("module.table[each.value.table].arn");
        assertThat(call.attribute("table_actions")).contains("each.value.tableActions");
        assertThat(call.attribute("index_arns")).contains("values(module.table[each.value.table].index_arns)");
        assertThat(call.attribute("index_actions")).contains("each.value.indexActions");
        assertThat(Terraform.named(Terraform.module("table"), "output", "index_arns").attribute("value"))
                .contains("{ for index in var.global_secondary_indexes : index.name => \"${aws_dynamodb_table.this.arn}/index/${index.name}\" }");

        var function = Terraform.module("function");
        assertThat(Terraform.resource(function, "aws_iam_role_policy", "permissions").attribute("policy"))
                .contains("data.aws_iam_policy_document.permissions.json");
        var document = Terraform.data(function, "aws_iam_policy_document", "permissions");
        var statements = document.blocks("statement");
        assertThat(statements).as("own table, own log group, tracing").hasSize(3);
        var table = statements.getFirst().body();
        assertThat(table.attribute("actions")).contains("var.table_actions");
        assertThat(table.attribute("resources")).contains("[var.table_arn]");
        var indexes = document.blocks("dynamic").stream().filter(block -> block.label(0).equals("statement")).toList();
        assertThat(indexes).as("own indexes, where the function acts on any").singleElement().satisfies(block -> {
            assertThat(block.body().attribute("for_each")).contains("length(var.index_actions) > 0 ? [var.index_actions] : []");
            assertThat(block.body().block("content").attribute("actions")).contains("statement.value");
            assertThat(block.body().block("content").attribute("resources")).contains("var.index_arns");
        });
        for (var statement : statements) {
            assertThat(statement.body().attribute("effect")).as("Allow only").isEmpty();
            assertThat(statement.body().attribute("actions").orElseThrow()).doesNotContain("dynamodb:");
        }
        assertThat(Terraform.resources(Terraform.module("function"), "aws_iam_role_policy_attachment")).isEmpty();
        assertThat(Terraform.resources(Terraform.module("function"), "aws_iam_role_policy")).hasSize(1);
    }

    @Test
    void metricsAndTracesNeedNothingBeyondTheOwnLogGroupAndXRaysTwoWriteActions() {
        var statements = Terraform.data(Terraform.module("function"), "aws_iam_policy_document", "permissions").blocks("statement");
        for (var statement : statements) {
            assertThat(statement.body().attribute("actions").orElseThrow())
                    .as("EMF documents are log lines: no metric API is called, so none is granted").doesNotContain("cloudwatch:");
        }
        assertThat(statements).filteredOn(statement -> statement.body().attribute("sid").equals(java.util.Optional.of("\"Tracing\"")))
                .singleElement().satisfies(tracing -> assertThat(tracing.body().attribute("actions"))
                        .as("subsegments go to Lambda's X-Ray daemon, which sends them with these")
                        .contains("[\"xray:PutTraceSegments\", \"xray:PutTelemetryRecords\"]"));
        var observability = Terraform.module("observability");
        for (var type : java.util.List.of("aws_iam_role", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_role_policy_attachment")) {
            assertThat(Terraform.resources(observability, type)).as("the dashboard, alarms and queries grant nothing: " + type).isEmpty();
        }
    }
}
