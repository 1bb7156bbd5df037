package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A page of the profile list ends before its stored text passes {@link DynamoDbUserProfiles#PAGE_BYTES}, whatever
 * the limit, so that its answer stays within what Lambda returns; its cursor goes on after the last profile it holds,
 * so that no profile is skipped or listed twice. Against DynamoDB Local, with profiles stored near DynamoDB's 400 KB
 * item limit, raw U+2028 included, as older code or a hand edit could store them.
 */
@ExtendWith(WithDynamoDbLocal.class)
class DynamoDbProfilePagesTest {
    private static final String TABLE = "user-profiles";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbUserProfiles profiles;
    private final List<String> put = new ArrayList<>();

    DynamoDbProfilePagesTest(LocalDynamoDb local) {
        this.dynamoDb = local.client();
        this.profiles = new DynamoDbUserProfiles(dynamoDb, TABLE, new SignedCursors("test-cursor-signing-key"));
    }

    @AfterEach
    void removeWhatWasPut() {
        for (var id : put) {
            dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id))));
        }
    }

    @Test
    void aPageHoldsNoMoreStoredTextThanItsBudgetAndItsCursorGoesOnAfterItsLastProfile() {
        var prefix = "paged-" + UUID.randomUUID() + "-";
        // 390,000 bytes of text each: 130,000 U+2028 of 3 bytes, within DynamoDB's 400 KB item.
        var pad = "\u2028".repeat(130_000);
        for (int i = 0; i < 10; i++) {
            var id = prefix + i;
            var item = new HashMap<String, AttributeValue>();
            item.put(DynamoDbUserProfiles.ID, AttributeValue.fromS(id));
            item.put(DynamoDbUserProfiles.PROFILE, AttributeValue.fromS("{\"id\":\"" + id + "\",\"pad\":\"" + pad + "\"}"));
            item.put(DynamoDbUserProfiles.VERSION, AttributeValue.fromN("1"));
            dynamoDb.putItem(request -> request.tableName(TABLE).item(item));
            put.add(id);
        }

        var listed = new ArrayList<String>();
        var pages = 0;
        Optional<String> cursor = Optional.empty();
        do {
            var page = profiles.list(new PageRequest(PageRequest.MAX_LIMIT, cursor));
            pages++;
            var bytes = 0L;
            for (var stored : page.items()) {
                var id = stored.id().value();
                bytes += ((String) stored.profile().members().getOrDefault("pad", "")).length() * 3L;
                if (id.startsWith(prefix)) {
                    listed.add(id);
                }
            }
            assertThat(page.items().size() == 1 || bytes <= DynamoDbUserProfiles.PAGE_BYTES)
                    .as("page %d: %d profiles, %d bytes of text", pages, page.items().size(), bytes).isTrue();
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(listed).as("each profile once").containsExactlyInAnyOrderElementsOf(put);
        assertThat(pages).as("10 profiles of 390,000 bytes in pages of at most %d", DynamoDbUserProfiles.PAGE_BYTES).isGreaterThanOrEqualTo(3);
    }

    /**
     * A limit smaller than the table: each page holds exactly that many profiles until the last, the email claims
     * between them (which the scan reads and leaves out) included, and the pages hold every profile once.
     */
    @Test
    void pagesOfALimitHoldThatManyProfilesPastTheClaimsBetweenThemUntilTheLast() {
        var prefix = "limited-" + UUID.randomUUID() + "-";
        // Enough of each that, whatever order the keys' hashes give, some scan meets a claim before its page is full.
        for (int i = 0; i < 15; i++) {
            var id = prefix + i;
            dynamoDb.putItem(request -> request.tableName(TABLE).item(Map.of(DynamoDbUserProfiles.ID, AttributeValue.fromS(id),
                    DynamoDbUserProfiles.PROFILE, AttributeValue.fromS("{\"id\":\"" + id + "\"}"), DynamoDbUserProfiles.VERSION, AttributeValue.fromN("1"))));
            var claim = "email#" + id + "@example.com";
            dynamoDb.putItem(request -> request.tableName(TABLE).item(Map.of(DynamoDbUserProfiles.ID, AttributeValue.fromS(claim),
                    EmailClaims.OWNER, AttributeValue.fromS(id))));
            put.add(id);
            put.add(claim);
        }

        var sizes = new ArrayList<Integer>();
        var listed = new ArrayList<String>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = profiles.list(new PageRequest(2, cursor));
            sizes.add(page.items().size());
            for (var stored : page.items()) {
                listed.add(stored.id().value());
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(sizes.subList(0, sizes.size() - 1)).as("every page but the last").containsOnly(2);
        assertThat(sizes.getLast()).isBetween(0, 2);
        assertThat(listed).as("each profile once").doesNotHaveDuplicates()
                .filteredOn(id -> id.startsWith(prefix)).hasSize(15);
    }

    /**
     * The budget is inclusive: profiles whose stored text adds up to exactly {@link DynamoDbUserProfiles#PAGE_BYTES}
     * make one page, the table's last, without a cursor. Four of 393,216 bytes each, alone in the table.
     */
    @Test
    void profilesWhoseTextAddsUpToExactlyTheBudgetShareOnePage() {
        dynamoDb.scanPaginator(scan -> scan.tableName(TABLE)).items().forEach(item ->
                dynamoDb.deleteItem(delete -> delete.tableName(TABLE).key(Map.of("id", item.get("id")))));
        var eachBytes = (int) (DynamoDbUserProfiles.PAGE_BYTES / 4);
        for (int i = 0; i < 4; i++) {
            var id = "budget-" + i;
            var opening = "{\"id\":\"" + id + "\",\"pad\":\"";
            var text = opening + "x".repeat(eachBytes - opening.length() - 2) + "\"}";
            var item = new HashMap<String, AttributeValue>();
            item.put(DynamoDbUserProfiles.ID, AttributeValue.fromS(id));
            item.put(DynamoDbUserProfiles.PROFILE, AttributeValue.fromS(text));
            item.put(DynamoDbUserProfiles.VERSION, AttributeValue.fromN("1"));
            dynamoDb.putItem(request -> request.tableName(TABLE).item(item));
            put.add(id);
        }

        var page = profiles.list(new PageRequest(PageRequest.MAX_LIMIT, Optional.empty()));

        assertThat(page.items()).hasSize(4);
        assertThat(page.nextCursor()).isEmpty();
    }
}
