package dev.serverlessapis.adapters.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * A write's condition with the names and values its expression uses, written once for a put that goes alone (a
 * {@code PutItem}: a chirp) or a write inside a transaction (a {@code Put} or {@code Delete}: everything else). The
 * single put is built directly rather than copied from the transaction's type: a function that never writes a
 * transaction then never loads those types, which costs each a few milliseconds of its cold start.
 */
record WriteCondition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    WriteCondition {
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }

    static WriteCondition of(String expression, Map<String, String> names) {
        return new WriteCondition(expression, names, Map.of());
    }

    /**
     * A put that goes alone carries {@code token} and asks for the item its condition fails on, so that a retry meeting
     * its own first attempt's item is known as done ({@link DynamoDbCalls#putAlone}).
     */
    PutItemRequest putItem(String table, Map<String, AttributeValue> item, WriteToken token) {
        return PutItemRequest.builder().tableName(table).item(token.on(item))
                .conditionExpression(expression).expressionAttributeNames(names).expressionAttributeValues(valuesIfAny())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    Put put(String table, Map<String, AttributeValue> item) {
        return Put.builder().tableName(table).item(item)
                .conditionExpression(expression).expressionAttributeNames(names).expressionAttributeValues(valuesIfAny())
                .build();
    }

    Delete delete(String table, Map<String, AttributeValue> key) {
        return Delete.builder().tableName(table).key(key)
                .conditionExpression(expression).expressionAttributeNames(names).expressionAttributeValues(valuesIfAny())
                .build();
    }

    /** DynamoDB refuses an empty ExpressionAttributeValues; null leaves it out of the request. */
    private Map<String, AttributeValue> valuesIfAny() {
        return values.isEmpty() ? null : values;
    }
}
