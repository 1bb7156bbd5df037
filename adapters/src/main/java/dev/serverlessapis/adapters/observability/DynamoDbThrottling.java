package dev.serverlessapis.adapters.observability;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Whether DynamoDB refused a call for throttling, for the trace and the throttle count alike. Besides the errors the
 * SDK itself calls throttling, a transaction comes back cancelled (a 400 the SDK does not retry) with the reason
 * {@code ThrottlingError} or {@code ProvisionedThroughputExceeded} on the items it throttled (TransactWriteItems, API
 * reference); the adapter tries those again itself.
 */
final class DynamoDbThrottling {
    private DynamoDbThrottling() {
    }

    static boolean refused(Throwable failure) {
        if (failure instanceof TransactionCanceledException cancelled) {
            if (cancelled.hasCancellationReasons()) {
                for (var reason : cancelled.cancellationReasons()) {
                    if ("ThrottlingError".equals(reason.code()) || "ProvisionedThroughputExceeded".equals(reason.code())) {
                        return true;
                    }
                }
            }
            return false;
        }
        return failure instanceof AwsServiceException service && service.isThrottlingException();
    }
}
