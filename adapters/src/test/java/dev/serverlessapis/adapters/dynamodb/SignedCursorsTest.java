package dev.serverlessapis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SignedCursorsTest {
    private final SignedCursors cursors = new SignedCursors("a-test-signing-key-of-some-length");

    /** The payload is the text cursors already handed out carry, so a cursor from before a deploy still works after it. */
    @Test
    void aCursorCarriesTheKeyAsTypedJsonAndGivesItBack() {
        var key = new LinkedHashMap<String, AttributeValue>();
        key.put("userId", AttributeValue.fromS("zoë \"q\" </b> 🌍"));
        key.put("timestamp", AttributeValue.fromN("1796149491942"));

        var cursor = cursors.encode(key).orElseThrow();

        var payload = new String(Base64.getUrlDecoder().decode(cursor.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo("{\"userId\":{\"S\":\"zoë \\\"q\\\" </b> 🌍\"},\"timestamp\":{\"N\":\"1796149491942\"}}");
        assertThat(cursors.decode(cursor, Set.of("userId", "timestamp"))).isEqualTo(key);
    }

    @Test
    void aCompleteListingHasNoCursor() {
        assertThat(cursors.encode(Map.of())).isEmpty();
    }

    @Test
    void aCursorOfAnotherListingAnotherKeyOrAlteredIsRefused() {
        var cursor = cursors.encode(Map.of("id", AttributeValue.fromS("a"))).orElseThrow();
        var otherKeys = new SignedCursors("another-signing-key-of-some-length").encode(Map.of("id", AttributeValue.fromS("a")))
                .orElseThrow();

        for (var refused : List.of(otherKeys, cursor.replace('.', '-'), "e30." + cursor.split("\\.")[1], "forged")) {
            assertThatThrownBy(() -> cursors.decode(refused, Set.of("id"))).as(refused).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> cursors.decode(cursor, Set.of("userId", "timestamp"))).isInstanceOf(InvalidInputException.class);
    }

    /**
     * Base64 has more than one spelling of some bytes: padding, and the unused low bits of a last character. A cursor is
     * accepted only as it was handed out, so "an altered cursor is a 400" holds of its text, not only of its bytes.
     */
    @Test
    void aCursorSpelledOtherwiseForTheSameBytesIsRefused() {
        var cursor = cursors.encode(Map.of("id", AttributeValue.fromS("a"))).orElseThrow();
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = cursor.charAt(cursor.length() - 1);
        // The signature's 16 bytes are 22 characters, the last carrying 2 bits: its lowest bit is unused.
        var sameBytes = cursor.substring(0, cursor.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(Base64.getUrlDecoder().decode(sameBytes.split("\\.")[1])).isEqualTo(Base64.getUrlDecoder().decode(cursor.split("\\.")[1]));
        var payload = cursor.split("\\.")[0];
        var paddedPayload = payload + "=".repeat((4 - payload.length() % 4) % 4) + "." + cursor.split("\\.")[1];

        for (var respelled : List.of(sameBytes, cursor + "==", paddedPayload)) {
            assertThatThrownBy(() -> cursors.decode(respelled, Set.of("id"))).as(respelled).isInstanceOf(InvalidInputException.class);
        }
        assertThat(cursors.decode(cursor, Set.of("id"))).containsEntry("id", AttributeValue.fromS("a"));
    }

    /** Terraform gives a random key of 48 characters; the local stack and tests give their own, which must not be short enough to guess. */
    @Test
    void aSigningKeyOfFewerThanSixteenCharactersIsRefused() {
        assertThat(new SignedCursors("k".repeat(16)).encode(Map.of("id", AttributeValue.fromS("a")))).isPresent();
        assertThatThrownBy(() -> new SignedCursors("k".repeat(15))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
    }
}
