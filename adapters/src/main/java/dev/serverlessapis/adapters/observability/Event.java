package dev.serverlessapis.adapters.observability;

/** The closed set of values of the {@code Event} dimension: what happened that the business or an operator counts. */
public enum Event {
    CHIRP_POSTED("ChirpPosted"),
    COUNTER_INCREMENTED("CounterIncremented"),
    /** An increment whose idempotency key had already been applied: answered from the first, counted once. */
    INCREMENT_REPLAYED("IncrementReplayed"),
    PROFILE_CREATED("ProfileCreated"),
    /** A create or replace refused because another profile holds the email address. */
    EMAIL_CONFLICT("EmailConflict"),
    /** An attempt the SDK made again after a throttled, failed or timed-out one. */
    DYNAMODB_RETRY("DynamoDbRetry"),
    /** A call DynamoDB still throttled when the SDK's retries ran out: the client got a 503. */
    DYNAMODB_THROTTLE("DynamoDbThrottle");

    private final String value;

    Event(String value) {
        this.value = value;
    }

    /** The dimension's value as CloudWatch stores it. */
    public String value() {
        return value;
    }
}
