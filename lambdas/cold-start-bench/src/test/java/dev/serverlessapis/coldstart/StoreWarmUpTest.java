package dev.serverlessapis.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.ApiSpec;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import dev.serverlessapis.local.dynamodb.TableProvisioner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoreWarmUpTest {
    @Test
    void warmsEveryOperationOnATableOfItsOwnAndLeavesTheFunctionsTablesAsTheyWere() {
        var spec = ApiSpec.load();
        try (var dynamoDb = LocalDynamoDb.start(Optional.empty())) {
            var client = dynamoDb.client();
            new TableProvisioner(client).provision(spec.tables(), Map.of());
            var tables = client.listTables().tableNames();
            var itemsBefore = itemsPerTable(client, tables);

            var warmed = new StoreWarmUp(client).warm(3);

            assertThat(client.listTables().tableNames()).as("its own table is gone").isEqualTo(tables);
            assertThat(itemsPerTable(client, tables)).as("the functions' tables were not written").isEqualTo(itemsBefore);
            assertThat(warmed.firstAndLastMillis()).as("every operation ran in its first and last round")
                    .containsOnlyKeys(StoreWarmUp.OPERATIONS)
                    .allSatisfy((operation, millis) -> {
                        assertThat(millis).hasSize(2);
                        assertThat(millis[0]).isPositive();
                        assertThat(millis[1]).isPositive();
                    });
            assertThat(warmed.summary()).contains("3 calls of each of the functions' 7 operations").contains("TransactWriteItems");
        }
    }

    @Test
    void oneRoundIsItsOwnFirstAndLast() {
        try (var dynamoDb = LocalDynamoDb.start(Optional.empty())) {
            var warmed = new StoreWarmUp(dynamoDb.client()).warm(1);
            assertThat(warmed.firstAndLastMillis()).allSatisfy((operation, millis) -> assertThat(millis[1]).isPositive().isEqualTo(millis[0]));
        }
    }

    @Test
    void noRoundsWarmsNothingAndSaysSo() {
        assertThat(new StoreWarmUp(null).warm(0).summary()).contains("not warmed");
    }

    @Test
    void everyDynamoDbActionOfApiJsonIsAnOperationTheWarmUpMakes() {
        var actions = new TreeSet<String>();
        for (var function : ApiSpec.load().functions()) {
            actions.addAll(function.tableActions());
            actions.addAll(function.indexActions());
        }
        assertThat(actions).isNotEmpty();
        // IAM names a transaction's condition check by its own action; the operation that carries it is TransactWriteItems.
        assertThat(actions).allSatisfy(action -> assertThat(StoreWarmUp.OPERATIONS)
                .as("the store answers %s warm from the first measured run", action)
                .contains(action.equals("dynamodb:ConditionCheckItem") ? "TransactWriteItems" : action.replace("dynamodb:", "")));
    }

    private static Map<String, Integer> itemsPerTable(software.amazon.awssdk.services.dynamodb.DynamoDbClient client, List<String> tables) {
        var items = new TreeMap<String, Integer>();
        for (var table : tables) {
            items.put(table, client.scan(scan -> scan.tableName(table).consistentRead(true)).count());
        }
        return items;
    }
}
