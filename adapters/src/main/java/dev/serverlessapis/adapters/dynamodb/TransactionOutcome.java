package dev.serverlessapis.adapters.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * How a transaction ended: committed, or cancelled because the condition of one or more of its items failed. DynamoDB
 * gives one cancellation reason per item, in the order of the items, so an adapter reads which of its conditions
 * failed by the item's position and turns that into its port's answer.
 */
record TransactionOutcome(List<CancellationReason> reasons) {
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final TransactionOutcome COMMITTED = new TransactionOutcome(List.of());
    private static final String NOT_THE_CAUSE = "None";
    /** Reasons a retry may cure: another transaction on the same items, or throttling. */
    private static final Set<String> CONTENTION = Set.of("TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

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

    /** Whether the item at {@code index} is the only one whose condition failed. */
    boolean failedAlone(int index) {
        for (var other = 0; other < reasons.size(); other++) {
            if (other != index && failed(other)) {
                return false;
            }
        }
        return failed(index);
    }

    /** The item as it was when its condition failed, where the request asked for it ({@code ALL_OLD}). */
    Optional<Map<String, AttributeValue>> itemThatFailed(int index) {
        return failed(index) ? Optional.ofNullable(reasons.get(index).item()) : Optional.empty();
    }

    /**
     * Whether a cancelled transaction is an answer for the adapter that wrote it: each item's reason is a failed
     * condition, contention, or {@code None} (that item did not cause it; the API reference also allows a null code),
     * and at least one item caused it. Any other reason ({@code ValidationError}, {@code ItemCollectionSizeLimitExceeded},
     * a code DynamoDB may add later), or none given, means our request was wrong, which no retry cures.
     */
    static boolean isAnswer(TransactionCanceledException cancelled) {
        var caused = false;
        for (var reason : cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.<CancellationReason>of()) {
            var code = reason.code();
            if (CONDITION_FAILED.equals(code) || CONTENTION.contains(code)) {
                caused = true;
            } else if (code != null && !NOT_THE_CAUSE.equals(code)) {
                return false;
            }
        }
        return caused;
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
