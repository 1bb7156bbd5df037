package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.lambdas.user.UserApi.body;
import static dev.serverlessapis.lambdas.user.UserApi.create;
import static dev.serverlessapis.lambdas.user.UserApi.deleteAll;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueEmail;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delete-all while profiles are being created, then an invariant check over the whole table: every email claim's
 * owner exists and holds that address, and every profile's address is claimed by that profile. A profile and its
 * claim must leave together, and a profile created while the delete runs must keep its claim.
 */
@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfileDeleteAllRaceTest {
    private static final int SEEDED = 2_000;
    private static final int RACING = 1_000;
    private static final int WRITERS = 8;

    private final TestStack stack;

    UserProfileDeleteAllRaceTest(TestStack stack) {
        this.stack = stack;
    }

    /** A 2 KB member per profile makes the table several scan pages of 1 MB, as a real table is. */
    @Test
    void concurrentCreatesDuringADeleteAllLeaveNoClaimWithoutItsProfileNorProfileWithoutItsClaim() throws Exception {
        deleteEverything();
        var pad = "p".repeat(2_000);
        try (var writers = Executors.newFixedThreadPool(WRITERS)) {
            var seeding = new ArrayList<Future<?>>();
            for (int w = 0; w < WRITERS; w++) {
                seeding.add(writers.submit(() -> {
                    for (int i = 0; i < SEEDED / WRITERS; i++) {
                        assertThat(create(profile(pad)).getStatusCode()).isEqualTo(201);
                    }
                }));
            }
            for (var task : seeding) {
                task.get();
            }
        }

        var deleting = new AtomicBoolean(true);
        var duringDelete = new AtomicInteger();
        try (var writers = Executors.newFixedThreadPool(WRITERS)) {
            var tasks = new ArrayList<Future<?>>();
            for (int w = 0; w < WRITERS; w++) {
                tasks.add(writers.submit(() -> {
                    for (int i = 0; i < RACING / WRITERS; i++) {
                        assertThat(create(profile("")).getStatusCode()).isEqualTo(201);
                        if (deleting.get()) {
                            duringDelete.incrementAndGet();
                        }
                    }
                }));
            }
            var deleted = deleteEverything();
            deleting.set(false);
            for (var task : tasks) {
                task.get();
            }
            System.out.printf("delete-all race: %d seeded, %d of %d racing creates answered while the delete-all ran, %d deleted%n",
                    SEEDED, duringDelete.get(), RACING, deleted);
        }

        var violations = ProfileClaimInvariant.violations(stack.dynamoDb());
        System.out.printf("delete-all race: %d invariant violations%n", violations.size());
        assertThat(duringDelete.get()).as("creates that overlapped the delete-all").isPositive();
        assertThat(violations).isEmpty();
        deleteEverything();
    }

    private static String profile(String pad) {
        return "{\"id\":\"" + uniqueId() + "\",\"email\":\"" + uniqueEmail() + "\",\"pad\":\"" + pad + "\"}";
    }

    /** Calls DELETE /users until it says nothing more remains; answers how many profiles it deleted in all. */
    static long deleteEverything() {
        long deleted = 0;
        while (true) {
            var response = deleteAll();
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            var answer = body(response);
            deleted += answer.get("deleted").getAsLong();
            if (!answer.has("more") || !answer.get("more").getAsBoolean()) {
                return deleted;
            }
        }
    }
}
