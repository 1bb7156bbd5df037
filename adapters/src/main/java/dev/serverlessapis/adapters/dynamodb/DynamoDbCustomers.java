package dev.serverlessapis.adapters.dynamodb;

import static dev.serverlessapis.adapters.dynamodb.DynamoDbCalls.call;

import dev.serverlessapis.domain.customer.CustomerId;
import dev.serverlessapis.domain.customer.Customers;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Customers in table {@code customer_ids}: one item per id, nothing else. */
public final class DynamoDbCustomers implements Customers {
    public static final String ID = "id";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCustomers(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean contains(CustomerId id) {
        return call("look up a customer", () -> dynamoDb.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(key(id))
                .consistentRead(true)
                .projectionExpression("#id")
                .expressionAttributeNames(Map.of("#id", ID))
                .build())).hasItem();
    }

    @Override
    public void add(CustomerId id) {
        call("record a customer", () -> dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(key(id)).build()));
    }

    private static Map<String, AttributeValue> key(CustomerId id) {
        return Map.of(ID, AttributeValue.fromS(id.value()));
    }
}
