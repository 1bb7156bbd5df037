package dev.serverlessapis.lambdas.wiring;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One call of each DynamoDB operation the package's adapters make, shaped as they make them (keys, condition, update
 * and key-condition expressions, a map, a list, a number, a boolean, a page's start key, an index, the old item asked
 * for when a condition fails), so that priming loads and runs the marshallers of every request and response a
 * function sends and reads, its own included. One function package serves every function, so each primes them all:
 * that costs a little more time before the snapshot and nothing after it.
 */
final class PrimedDynamoDbOperations {
    /** By their {@code X-Amz-Target} names; {@code SnapStartPrimingTest} ties them to api.json's IAM actions. */
    static final List<String> NAMES = List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "TransactWriteItems");

    private static final String TABLE = "snapstart-priming";
    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("priming"));
    private static final Map<String, AttributeValue> ITEM = Map.of(
            "id", AttributeValue.fromS("priming"),
            "count", AttributeValue.fromN("1"),
            "document", AttributeValue.fromM(Map.of("name", AttributeValue.fromS("priming"), "none", AttributeValue.fromNul(true))),
            "days", AttributeValue.fromL(List.of(AttributeValue.fromS("2026-01-01"))),
            "seen", AttributeValue.fromBool(true));
    private static final Map<String, String> NAMES_OF = Map.of("#id", "id", "#count", "count");
    private static final Map<String, AttributeValue> VALUES = Map.of(":one", AttributeValue.fromN("1"), ":id", AttributeValue.fromS("priming"));

    private PrimedDynamoDbOperations() {
    }

    static void callEach(DynamoDbClient dynamoDb) {
        dynamoDb.getItem(get -> get.tableName(TABLE).key(KEY).consistentRead(true).projectionExpression("#id").expressionAttributeNames(Map.of("#id", "id")));
        dynamoDb.putItem(put -> put.tableName(TABLE).item(ITEM).conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id")).returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        dynamoDb.updateItem(update -> update.tableName(TABLE).key(KEY).updateExpression("ADD #count :one")
                .conditionExpression("attribute_exists(#id) OR #id <> :id").expressionAttributeNames(NAMES_OF)
                .expressionAttributeValues(VALUES).returnValues(ReturnValue.UPDATED_NEW));
        dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(KEY).conditionExpression("attribute_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id")).returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        dynamoDb.query(query -> query.tableName(TABLE).indexName("priming-index").keyConditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", "id")).expressionAttributeValues(Map.of(":id", AttributeValue.fromS("priming")))
                .limit(1).scanIndexForward(false).exclusiveStartKey(KEY).consistentRead(false));
        dynamoDb.scan(scan -> scan.tableName(TABLE).limit(1).consistentRead(true).projectionExpression("#id")
                .filterExpression("attribute_exists(#id)").expressionAttributeNames(Map.of("#id", "id")).exclusiveStartKey(KEY));
        // A token of its own, or the SDK would draw a random one before the snapshot.
        dynamoDb.transactWriteItems(transaction -> transaction.clientRequestToken("snapstart-priming").transactItems(
                TransactWriteItem.builder().put(put -> put.tableName(TABLE).item(ITEM).conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", "id"))).build(),
                TransactWriteItem.builder().update(update -> update.tableName(TABLE).key(KEY).updateExpression("ADD #count :one")
                        .expressionAttributeNames(Map.of("#count", "count")).expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("other")))).build(),
                TransactWriteItem.builder().conditionCheck(check -> check.tableName(TABLE).key(KEY).conditionExpression("attribute_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", "id"))).build()));
    }
}
