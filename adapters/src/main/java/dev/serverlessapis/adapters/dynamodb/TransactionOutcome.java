package dev.serverlessapis.adapters.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/**
 * How a transaction ended: committed, or cancelled because the condition of one or more of its items failed. DynamoDB
 * gives one cancellation reason per item, in the order of the items, so an adapter reads which of its conditions
 * failed by the item's position and turns that into its port's answer.
 */
record TransactionOutcome(List<CancellationReason> reasons) {
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final TransactionOutcome COMMITTED = new TransactionOutcome(List.of());

    TransactionOutcome {
        reasons = List.copyOf(reasons);
    }

    boolean succeeded() {
        return reasons.isEmpty();
    }

    /** Whether the item at {@code index} was not written because its condition failed. */
    boolean failed(int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    /** The item as it was when its condition failed, where the request asked for it ({@code ALL_OLD}). */
    Optional<Map<String, AttributeValue>> itemThatFailed(int index) {
        return failed(index) ? Optional.ofNullable(reasons.get(index).item()) : Optional.empty();
    }

    /** False for a transaction cancelled only by contention, which is worth trying again. */
    boolean anyConditionFailed() {
        for (var reason : reasons) {
            if (CONDITION_FAILED.equals(reason.code())) {
                return true;
            }
        }
        return false;
    }
}
