package dev.serverlessapis.terraform;

import dev.serverlessapis.local.Functions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Records, per function, the IAM actions of every DynamoDB request a handler makes while {@link Functions#invoke}
 * runs it. Registered for tests only, for every SDK client in the JVM, by the SDK's global interceptor list
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in the test resources). Requests made by tests
 * themselves (outside any function) are not recorded.
 */
public final class DynamoDbCallRecorder implements ExecutionInterceptor {
    /** One IAM action on a table, or on one of its indexes. */
    public record Call(String action, String table, Optional<String> index) {
    }

    private static final Map<String, Set<Call>> CALLS = new ConcurrentHashMap<>();

    static Map<String, Set<Call>> calls() {
        return Map.copyOf(CALLS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof DynamoDbRequest)) {
            return;
        }
        Functions.current().ifPresent(function -> actions(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request())
                .forEach(call -> CALLS.computeIfAbsent(function, name -> ConcurrentHashMap.newKeySet()).add(call)));
    }

    /** IAM authorizes a transaction or batch by the actions of its items, not by the operation's name. */
    static Stream<Call> actions(String operation, SdkRequest request) {
        return switch (request) {
            case TransactWriteItemsRequest transaction -> transaction.transactItems().stream().map(DynamoDbCallRecorder::action);
            case TransactGetItemsRequest transaction -> transaction.transactItems().stream()
                    .map(item -> new Call("dynamodb:GetItem", item.get().tableName(), Optional.empty()));
            case BatchWriteItemRequest batch -> batch.requestItems().keySet().stream()
                    .map(table -> new Call("dynamodb:BatchWriteItem", table, Optional.empty()));
            case BatchGetItemRequest batch -> batch.requestItems().keySet().stream()
                    .map(table -> new Call("dynamodb:BatchGetItem", table, Optional.empty()));
            default -> Stream.of(new Call("dynamodb:" + operation,
                    request.getValueForField("TableName", String.class).orElse("*"),
                    request.getValueForField("IndexName", String.class)));
        };
    }

    private static Call action(TransactWriteItem item) {
        List<Call> calls = Stream.of(
                Optional.ofNullable(item.put()).map(put -> new Call("dynamodb:PutItem", put.tableName(), Optional.empty())),
                Optional.ofNullable(item.update()).map(update -> new Call("dynamodb:UpdateItem", update.tableName(), Optional.empty())),
                Optional.ofNullable(item.delete()).map(delete -> new Call("dynamodb:DeleteItem", delete.tableName(), Optional.empty())),
                Optional.ofNullable(item.conditionCheck()).map(check -> new Call("dynamodb:ConditionCheckItem", check.tableName(), Optional.empty())))
                .flatMap(Optional::stream).toList();
        if (calls.size() != 1) {
            throw new IllegalStateException("a transaction item holds exactly one action: " + item);
        }
        return calls.getFirst();
    }
}
