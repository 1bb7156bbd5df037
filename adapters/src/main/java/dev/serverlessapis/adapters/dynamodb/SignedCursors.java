package dev.serverlessapis.adapters.dynamodb;

import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.domain.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns DynamoDB's {@code LastEvaluatedKey} into an opaque page cursor and back. Cursors are signed with HMAC-SHA256,
 * so one that was altered or made up is refused as a 400 instead of starting a page at an arbitrary key.
 */
public final class SignedCursors {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public SignedCursors(String secret) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("the cursor signing key needs at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Empty when DynamoDB said the listing is complete. */
    public Optional<String> encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return Optional.empty();
        }
        var json = new LinkedHashMap<String, Map<String, String>>();
        lastEvaluatedKey.forEach((name, value) -> {
            if (value.s() != null) {
                json.put(name, Map.of("S", value.s()));
            } else if (value.n() != null) {
                json.put(name, Map.of("N", value.n()));
            } else {
                throw new IllegalArgumentException("key attribute " + name + " is neither S nor N");
            }
        });
        var payload = JsonCodec.write(json).getBytes(StandardCharsets.UTF_8);
        return Optional.of(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload)));
    }

    /**
     * The key to start after. {@code expectedAttributes} are the key attributes of the table or index being read:
     * a cursor of another listing is refused too.
     */
    public Map<String, AttributeValue> decode(String cursor, Set<String> expectedAttributes) {
        return decode(cursor, List.of(expectedAttributes));
    }

    /** The key to start after, for a listing whose cursors take one of several shapes: the caller tells them apart by their attributes. */
    public Map<String, AttributeValue> decode(String cursor, List<Set<String>> expectedShapes) {
        var parts = cursor.split("\\.", -1);
        try {
            if (parts.length != 2) {
                throw tampered();
            }
            var payload = DECODER.decode(parts[0]);
            var signature = DECODER.decode(parts[1]);
            // Padding or a last character's unused bits spell the same bytes otherwise: only the text handed out is one.
            if (!ENCODER.encodeToString(payload).equals(parts[0]) || !ENCODER.encodeToString(signature).equals(parts[1])) {
                throw tampered();
            }
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                throw tampered();
            }
            var json = JsonCodec.parseObject(new String(payload, StandardCharsets.UTF_8));
            if (!expectedShapes.contains(json.keySet())) {
                throw tampered();
            }
            var key = new LinkedHashMap<String, AttributeValue>();
            for (var attribute : json.entrySet()) {
                key.put(attribute.getKey(), keyValue(attribute.getValue()));
            }
            return key;
        } catch (IllegalArgumentException | JsonCodec.Malformed | JsonCodec.Refused malformed) {
            throw tampered();
        }
    }

    /** A signed cursor holds only what {@link #encode} wrote, {@code {"S":"..."}} or {@code {"N":"..."}} per attribute. */
    private static AttributeValue keyValue(Object typed) {
        if (typed instanceof Map<?, ?> value && value.size() == 1) {
            if (value.get("S") instanceof String text) {
                return AttributeValue.fromS(text);
            }
            if (value.get("N") instanceof String number) {
                return AttributeValue.fromN(number);
            }
        }
        throw tampered();
    }

    private byte[] sign(byte[] payload) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    private static InvalidInputException tampered() {
        return InvalidInputException.of("cursor", "is not a cursor this listing handed out; start again without it");
    }
}
