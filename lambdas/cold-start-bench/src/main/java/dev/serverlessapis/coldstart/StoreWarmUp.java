package dev.serverlessapis.coldstart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Brings DynamoDB Local's own code up to speed before the first measured run. The service it stands in for is always
 * warm, but DynamoDB Local is a JVM of its own that compiles its request paths as it serves them: a few dozen calls
 * in, it still answered a transaction in 25–42 ms and a read in 10–23 ms, against 5–8 ms after some hundreds (timed
 * from a client in its JVM, one core, this machine). Left cold, its warming would be counted in each function's
 * start, and more in those that make two calls, or a transaction, than in the bare client's one read. Each round makes
 * one call of each operation the functions make, shaped as theirs are (conditions, updates, an index query, a page of
 * a scan, transactions of a put with a condition check and of a delete), on a table of its own: the functions' tables
 * and fixtures are left as they are.
 */
final class StoreWarmUp {
    static final String TABLE = "bench-cold-warm-up";
    private static final String INDEX = "by-owner";
    static final List<String> OPERATIONS = List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "TransactWriteItems");

    private final DynamoDbClient dynamoDb;

    StoreWarmUp(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** What the warm-up did, for the report: its rounds, its time, and each operation's time in its first and last round. */
    record Warmed(int rounds, double seconds, Map<String, double[]> firstAndLastMillis) {
        String summary() {
            if (rounds == 0) {
                return "DynamoDB Local not warmed first (WARM_UP_ROUNDS=0): its own warming counts in every run";
            }
            var lines = new StringBuilder("DynamoDB Local warmed first, outside the clock: %d calls of each of the functions' %d operations in %.0f s; ms in the first and last round:"
                    .formatted(rounds, OPERATIONS.size(), seconds));
            for (var operation : OPERATIONS) {
                var millis = firstAndLastMillis.get(operation);
                lines.append(" %s %.1f → %.1f;".formatted(operation, millis[0], millis[1]));
            }
            lines.setLength(lines.length() - 1);
            return lines.toString();
        }
    }

    Warmed warm(int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("warm-up rounds must be 0 or more, not " + rounds);
        }
        if (rounds == 0) {
            return new Warmed(0, 0, Map.of());
        }
        var started = System.nanoTime();
        createTable();
        var first = new double[OPERATIONS.size()];
        var last = new double[OPERATIONS.size()];
        try {
            for (int round = 0; round < rounds; round++) {
                var millis = round == rounds - 1 ? last : first;
                var id = "warm-up-" + round;
                var key = Map.of("id", AttributeValue.fromS(id));
                var item = Map.of(
                        "id", AttributeValue.fromS(id),
                        "owner", AttributeValue.fromS("warm-up"),
                        "at", AttributeValue.fromS("2026-01-01T00:00:00.%06dZ".formatted(round)),
                        "count", AttributeValue.fromN("1"),
                        "document", AttributeValue.fromM(Map.of("name", AttributeValue.fromS("warm up"), "none", AttributeValue.fromNul(true))));
                var claim = Map.of("id", AttributeValue.fromS(id + "-claim"));
                timed(millis, "GetItem", () -> dynamoDb.getItem(get -> get.tableName(TABLE).key(key).consistentRead(true)));
                timed(millis, "PutItem", () -> dynamoDb.putItem(put -> put.tableName(TABLE).item(item).conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", "id")).returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
                timed(millis, "UpdateItem", () -> dynamoDb.updateItem(update -> update.tableName(TABLE).key(key).updateExpression("ADD #count :one SET #seen = :true")
                        .conditionExpression("attribute_exists(#id)").expressionAttributeNames(Map.of("#id", "id", "#count", "count", "#seen", "seen"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":true", AttributeValue.fromBool(true)))
                        .returnValues(ReturnValue.UPDATED_NEW)));
                timed(millis, "Query", () -> dynamoDb.query(query -> query.tableName(TABLE).indexName(INDEX).keyConditionExpression("#owner = :owner")
                        .expressionAttributeNames(Map.of("#owner", "owner")).expressionAttributeValues(Map.of(":owner", AttributeValue.fromS("warm-up")))
                        .limit(20).scanIndexForward(false)));
                timed(millis, "Scan", () -> dynamoDb.scan(scan -> scan.tableName(TABLE).limit(25).consistentRead(true)));
                timed(millis, "TransactWriteItems", () -> dynamoDb.transactWriteItems(transaction -> transaction.transactItems(
                        TransactWriteItem.builder().put(put -> put.tableName(TABLE).item(claim).conditionExpression("attribute_not_exists(#id)")
                                .expressionAttributeNames(Map.of("#id", "id"))).build(),
                        TransactWriteItem.builder().conditionCheck(check -> check.tableName(TABLE).key(key).conditionExpression("attribute_exists(#id)")
                                .expressionAttributeNames(Map.of("#id", "id"))).build())));
                timed(millis, "DeleteItem", () -> dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(key).conditionExpression("attribute_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", "id")).returnValues(ReturnValue.ALL_OLD)));
                // The claim goes too, in a transaction as a profile's delete takes its email claim with it: the table stays small.
                dynamoDb.transactWriteItems(transaction -> transaction.transactItems(
                        TransactWriteItem.builder().delete(delete -> delete.tableName(TABLE).key(claim)).build()));
                if (rounds == 1) {
                    System.arraycopy(last, 0, first, 0, last.length);
                }
            }
        } finally {
            dynamoDb.deleteTable(delete -> delete.tableName(TABLE));
        }
        var firstAndLast = new LinkedHashMap<String, double[]>();
        for (int i = 0; i < OPERATIONS.size(); i++) {
            firstAndLast.put(OPERATIONS.get(i), new double[] {first[i], last[i]});
        }
        return new Warmed(rounds, (System.nanoTime() - started) / 1e9, firstAndLast);
    }

    private static void timed(double[] millis, String operation, Runnable call) {
        var started = System.nanoTime();
        call.run();
        millis[OPERATIONS.indexOf(operation)] = (System.nanoTime() - started) / 1e6;
    }

    private void createTable() {
        dynamoDb.createTable(table -> table.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("owner").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("at").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(INDEX)
                        .keySchema(KeySchemaElement.builder().attributeName("owner").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("at").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }
}
