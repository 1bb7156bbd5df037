package dev.serverlessapis.adapters.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * DynamoDB's paging step: the key a query or scan goes on after, as {@code exclusiveStartKey} takes it, or
 * {@code null} once the read has reached the end. DynamoDB says "the end" by leaving out {@code LastEvaluatedKey},
 * which the SDK answers with an empty map, so both count.
 */
final class StartKey {
    private StartKey() {
    }

    static Map<String, AttributeValue> after(QueryResponse response) {
        return next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    }

    static Map<String, AttributeValue> after(ScanResponse response) {
        return next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    }

    private static Map<String, AttributeValue> next(boolean present, Map<String, AttributeValue> lastEvaluatedKey) {
        return present && !lastEvaluatedKey.isEmpty() ? lastEvaluatedKey : null;
    }
}
