package dev.serverlessapis.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class StoreTimeTest {
    @Test
    void countsTheCallsDynamoDbLocalAnsweredWhileOpenRefusalsIncluded() throws InterruptedException {
        var store = new StoreTime();
        // DynamoDB Local tells of a call once its answer is written, which may be just after the client has read it.
        var told = new Semaphore(0);
        try (var dynamoDb = LocalDynamoDb.start(Optional.empty(), (operation, startedNanos, tookNanos) -> {
            store.served(operation, startedNanos, tookNanos);
            told.release();
        })) {
            var client = dynamoDb.client();
            client.listTables();
            assertThat(told.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

            store.open();
            client.listTables();
            assertThatThrownBy(() -> client.describeTable(describe -> describe.tableName("no-such-table")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(told.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
            var calls = store.close();
            client.listTables();

            assertThat(calls).extracting(StoreTime.Call::operation).containsExactly("ListTables", "DescribeTable");
            assertThat(calls).allSatisfy(call -> assertThat(call.millis()).isPositive());
            assertThat(StoreTime.totalMillis(calls)).isEqualTo(calls.get(0).millis() + calls.get(1).millis());
            store.open();
            assertThat(store.close()).as("a new window starts empty").isEmpty();
        }
    }

    @Test
    void aCallBegunBeforeTheWindowOpenedIsNotTheRunsEvenIfItEndsInIt() {
        var store = new StoreTime();
        var begun = System.nanoTime();
        store.open();
        store.served("PutItem", begun, 1_000_000);
        store.served("GetItem", System.nanoTime(), 2_000_000);
        assertThat(store.close()).containsExactly(new StoreTime.Call("GetItem", 2.0));
    }

    @Test
    void callsPerRunGivesEachOperationsCallsPerRunAndMedianTime() {
        var run = new MeasuredJvm.Run(700, "ok", 70_000, 3_500, List.of());
        var runs = List.of(
                new Report.Measured(run, List.of(new StoreTime.Call("Scan", 1.0), new StoreTime.Call("TransactWriteItems", 7.0))),
                new Report.Measured(run, List.of(new StoreTime.Call("Scan", 3.0), new StoreTime.Call("TransactWriteItems", 9.0),
                        new StoreTime.Call("TransactWriteItems", 5.0))));

        assertThat(Report.callsPerRun(runs)).isEqualTo("Scan 1 x 2.0 ms, TransactWriteItems 1.5 x 7.0 ms");
    }
}
