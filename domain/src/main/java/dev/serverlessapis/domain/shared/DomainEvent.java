package dev.serverlessapis.domain.shared;

/** What happened that the business counts: each is reported once, when it has happened, never for an attempt. */
public enum DomainEvent {
    CHIRP_POSTED,
    /** A visit counted: without an idempotency key, or with one seen for the first time. */
    COUNTER_INCREMENTED,
    /** A visit whose idempotency key had already been counted: answered as the first time, not counted again. */
    INCREMENT_REPLAYED,
    PROFILE_CREATED,
    /** A create or replace refused because another profile holds the email address. */
    EMAIL_CONFLICT
}
