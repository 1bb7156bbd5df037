package dev.serverlessapis.coldstart;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SDK's own cost: the DynamoDB client the functions build (same SDK classes from the same package, same HTTP
 * client, explicit region and credentials), making one consistent read. What a function takes beyond this is ours.
 */
public final class BareSdkProbe {
    /** Its answer names the SDK it ran, for the report's header. */
    static final String VERSION_PREFIX = "sdk=";

    private BareSdkProbe() {
    }

    /** @param arguments the DynamoDB endpoint, the region, a table and the value of its partition key {@code counter-name} */
    public static void main(String[] arguments) throws Exception {
        try (var dynamoDb = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(arguments[1]))
                .endpointOverride(URI.create(arguments[0]))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            var item = dynamoDb.getItem(get -> get.tableName(arguments[2]).consistentRead(true)
                    .key(Map.of("counter-name", AttributeValue.fromS(arguments[3]))));
            if (!item.hasItem()) {
                throw new IllegalStateException("the bare client read nothing from " + arguments[2]);
            }
            // Read at run time: javac inlines the constant, which would name the SDK this probe was compiled against.
            Probe.answered(VERSION_PREFIX + VersionInfo.class.getField("SDK_VERSION").get(null));
            Probe.awaitRelease();
        }
    }
}
