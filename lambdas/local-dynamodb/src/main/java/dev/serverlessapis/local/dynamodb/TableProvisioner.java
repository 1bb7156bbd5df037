package dev.serverlessapis.local.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * Creates the tables and indexes of api.json ({@link TableSpec}) that do not exist yet, and seeds the items Terraform seeds.
 * Seeding never overwrites: a counter that already counted keeps its value across restarts.
 */
public final class TableProvisioner {
    private final DynamoDbClient dynamoDb;

    public TableProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** {@code seedValuesByVariable} replaces a seed's defaults, as the Terraform variable it names would. */
    public void provision(List<TableSpec> tables, Map<String, List<String>> seedValuesByVariable) {
        var existing = dynamoDb.listTablesPaginator(request -> { }).tableNames().stream().toList();
        for (var table : tables) {
            if (!existing.contains(table.name())) {
                create(table);
            }
            table.seeding().ifPresent(seed ->
                    seedValuesByVariable.getOrDefault(seed.variable(), seed.defaults()).forEach(key -> seed(table, seed, key)));
        }
    }

    private void create(TableSpec table) {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put(table.partitionKey().name(), table.partitionKey().type());
        table.sort().ifPresent(sort -> attributes.put(sort.name(), sort.type()));
        var indexes = new ArrayList<GlobalSecondaryIndex>();
        for (var index : table.indexes()) {
            attributes.put(index.partitionKey().name(), index.partitionKey().type());
            index.sort().ifPresent(sort -> attributes.put(sort.name(), sort.type()));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey()))
                    .projection(Projection.builder().projectionType(ProjectionType.fromValue(index.projection())).build())
                    .build());
        }
        dynamoDb.createTable(create -> {
            create.tableName(table.name())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(keySchema(table.partitionKey(), table.sortKey()))
                    .attributeDefinitions(attributes.entrySet().stream()
                            .map(attribute -> AttributeDefinition.builder()
                                    .attributeName(attribute.getKey()).attributeType(attribute.getValue()).build())
                            .toList());
            if (!indexes.isEmpty()) {
                create.globalSecondaryIndexes(indexes);
            }
        });
        dynamoDb.waiter().waitUntilTableExists(describe -> describe.tableName(table.name()));
        table.timeToLive().ifPresent(attribute -> dynamoDb.updateTimeToLive(update -> update
                .tableName(table.name())
                .timeToLiveSpecification(ttl -> ttl.attributeName(attribute).enabled(true))));
    }

    private void seed(TableSpec table, TableSpec.Seed seed, String key) {
        var item = new HashMap<String, AttributeValue>();
        item.put(table.partitionKey().name(), AttributeValue.fromS(key));
        seed.attributes().forEach((name, typed) -> item.put(name, typed.containsKey("N")
                ? AttributeValue.fromN(typed.get("N"))
                : AttributeValue.fromS(typed.get("S"))));
        try {
            dynamoDb.putItem(put -> put.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", table.partitionKey().name())));
        } catch (ConditionalCheckFailedException alreadySeeded) {
            // Seeds are a starting point; what was counted since is kept.
        }
    }

    private static List<KeySchemaElement> keySchema(TableSpec.Key partition, TableSpec.Key sort) {
        var schema = new ArrayList<KeySchemaElement>();
        schema.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        if (sort != null) {
            schema.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
        }
        return schema;
    }
}
