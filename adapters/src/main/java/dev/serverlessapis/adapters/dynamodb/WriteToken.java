package dev.serverlessapis.adapters.dynamodb;

import dev.serverlessapis.adapters.invocation.Invocation;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The name of one conditional single-item write, stored on the item it writes as {@value #ATTRIBUTE}. The SDK sends a
 * write again after a timeout, a lost connection or DynamoDB's 500, none of which proves that the first attempt
 * failed; when the first was done, the second's condition fails on the very item it wrote. That item carrying this
 * token tells our own success from another write's item. A transaction needs none: the SDK gives each its
 * {@code ClientRequestToken}.
 *
 * <p>Made once per write, before the call, so every attempt of the call carries the same one; unique across every
 * other write that could meet the same key, since it is named by the invocation ({@link Invocation#nextUniqueName()}, a
 * random UUID outside one).
 */
final class WriteToken {
    static final String ATTRIBUTE = "write-token";

    private final AttributeValue value;

    private WriteToken(String value) {
        this.value = AttributeValue.fromS(value);
    }

    static WriteToken next() {
        return new WriteToken(Invocation.nextUniqueName());
    }

    /** {@code item} with this token beside its attributes. */
    Map<String, AttributeValue> on(Map<String, AttributeValue> item) {
        var marked = new HashMap<>(item);
        marked.put(ATTRIBUTE, value);
        return marked;
    }

    /** Whether {@code item}, the one a write's condition failed on, is what an earlier attempt of this write stored. */
    boolean isOn(Map<String, AttributeValue> item) {
        var stored = item.get(ATTRIBUTE);
        return stored != null && value.s().equals(stored.s());
    }
}
