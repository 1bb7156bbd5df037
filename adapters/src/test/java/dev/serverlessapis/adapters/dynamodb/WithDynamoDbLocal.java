package dev.serverlessapis.adapters.dynamodb;

import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import dev.serverlessapis.local.dynamodb.TableProvisioner;
import dev.serverlessapis.local.dynamodb.TableSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands an adapter test the {@link LocalDynamoDb} of its test JVM: {@code @ExtendWith(WithDynamoDbLocal.class)} and a
 * constructor parameter. One DynamoDB Local, in memory, started by the first test that asks and stopped after the
 * last, with the tables and indexes of api.json made as the local stack makes them, so they match Terraform's.
 */
public final class WithDynamoDbLocal implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalDynamoDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LocalDynamoDb.class.getName(), key -> withTables(), LocalDynamoDb.class);
    }

    private static LocalDynamoDb withTables() {
        var dynamoDb = LocalDynamoDb.start(Optional.empty());
        new TableProvisioner(dynamoDb.client()).provision(TableSpec.ofApiJson(), Map.of());
        return dynamoDb;
    }
}
