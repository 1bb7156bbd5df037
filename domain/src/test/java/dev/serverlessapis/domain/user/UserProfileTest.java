package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.JsonNumber;
import dev.serverlessapis.domain.shared.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserProfileTest {

    @Test
    void keepsEveryMemberInTheClientsOrder() {
        var profile = aProfile().withEmail("Ada@Example.com").with("tags", List.of("x", Map.of("deep", true)))
                .with("nickname", null).with("名前", "エイダ").build();

        assertThat(profile.members().keySet()).containsExactly("id", "name", "email", "tags", "nickname", "名前");
        assertThat(profile.members()).containsEntry("tags", List.of("x", Map.of("deep", true)))
                .containsEntry("nickname", null).containsEntry("名前", "エイダ");
        assertThat(profile.id()).isEqualTo(new UserId("ada"));
        assertThat(profile.email()).contains(new Email("Ada@Example.com"));
    }

    @Test
    void fiftyMembersAreAcceptedAndFiftyOneRefused() {
        var builder = aProfile();
        for (int i = 3; i <= 50; i++) {
            builder.with("m" + i, i);
        }
        assertThat(builder.build().members()).hasSize(50);

        assertThatThrownBy(() -> builder.with("one-too-many", 0).build())
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("body"));
    }

    @Test
    void everyInvalidMemberIsReportedAtOnce() {
        var members = aProfile().with("id", 42).with("email", "not-an-address").with("name", List.of()).members();

        assertThatThrownBy(() -> UserProfile.of(members))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> {
                            assertThat(fields(invalid)).containsExactlyInAnyOrder("id", "email", "name");
                            // The problem document's detail.
                            assertThat(invalid.getMessage()).isEqualTo("3 fields are invalid");
                        });
    }

    @Test
    void aNullEmailOrNameIsRefusedRatherThanStored() {
        assertThatThrownBy(() -> aProfile().with("email", null).build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> aProfile().with("name", null).build()).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00a0", "\u2007\u202f", "\u200b", "\u200c\u200d\u2060\ufeff", "a/b", "tab\there", "email#ada@example.com", ".", "..", "\ud800", "a\udfffb", "\ud83c",
            // Decomposed: e + U+0301 shows as the \u00e9 of another profile's id.
            "e\u0301", "caf\u0065\u0301"})
    void idsThatCannotBeAddressedOrCollideWithEmailClaimsAreRefused(String id) {
        assertThatThrownBy(() -> new UserId(id))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("id"));
    }

    /** Read back, not input: an id older rules accepted (only no-break or zero-width spaces) still makes the profile. */
    @Test
    void aStoredProfileKeepsAnIdTheRulesNowRefuseAndIsCheckedOtherwise() {
        var stored = UserProfile.stored(Map.of("id", "\u00a0\u200b", "name", "older"), Optional.empty());

        assertThat(stored.id()).isEqualTo(UserId.stored("\u00a0\u200b"));
        assertThat(stored.id().value()).isEqualTo("\u00a0\u200b");
        assertThat(stored.members()).containsEntry("name", "older");
        assertThatThrownBy(() -> UserProfile.of(Map.of("id", "\u00a0\u200b"))).isInstanceOf(InvalidInputException.class);
    }

    /**
     * Text JSON can escape but the API refuses on the way in, an unpaired surrogate, is only stored by a hand edit:
     * a read is no request to refuse, so it is given back as stored, in a member's value or its name.
     */
    @Test
    void aStoredProfileKeepsTextWithAnUnpairedSurrogateThatInputMayNotHold() {
        var members = Map.<String, Object>of("id", "ada", "nickname", "a\udc00", "\ud800", List.of("\udbff"));

        assertThat(UserProfile.stored(members, Optional.empty()).members()).isEqualTo(members);
        assertThatThrownBy(() -> UserProfile.of(Map.of("id", "ada", "nickname", "a\udc00")))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("nickname"));
        assertThatThrownBy(() -> UserProfile.of(Map.of("id", "ada", "\ud800", 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("body"));
    }

    /** Only a hand edit stores a name or an email that is no string; a read is no request, so it is given back as stored. */
    @Test
    void aStoredNameOrEmailThatIsNoStringIsGivenBackAsStoredAndTheEmailIsNoAddress() {
        var number = new JsonNumber("42");
        var stored = UserProfile.stored(Map.of("id", "ada", "name", number, "email", List.of("ada@example.com")), Optional.empty());

        assertThat(stored.email()).isEmpty();
        assertThat(stored.members()).containsEntry("name", number).containsEntry("email", List.of("ada@example.com"));
        assertThatThrownBy(() -> UserProfile.of(Map.of("id", "ada", "name", number)))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("name"));
        assertThatThrownBy(() -> UserProfile.of(Map.of("id", "ada", "email", List.of("ada@example.com"))))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("email"));
    }

    /** The store's claim says which address is the profile's, whatever a hand edit left in the body's email member. */
    @Test
    void aStoredProfilesAddressIsTheOneItsClaimIsUnder() {
        var claimed = Optional.of(Email.stored("ada@example.com"));

        for (var body : List.<Map<String, Object>>of(Map.of("id", "ada", "email", "grace@example.com"),
                Map.of("id", "ada", "email", new JsonNumber("42")), Map.of("id", "ada"))) {
            var stored = UserProfile.stored(body, claimed);
            assertThat(stored.email()).as(body.toString()).isEqualTo(claimed);
            assertThat(stored.members()).as("given back as stored").isEqualTo(body);
        }
        assertThat(UserProfile.stored(Map.of("id", "ada", "email", "Grace@example.com"), Optional.empty()).email())
                .as("without a claim, the body's").contains(Email.stored("Grace@example.com"));
    }

    /** Read back, not input: an email older rules accepted, or a hand edit stored, still makes the profile. */
    @Test
    void aStoredProfileKeepsAnEmailTheRulesNowRefuse() {
        var stored = UserProfile.stored(Map.of("id", "ada", "email", "Ada@localhost"), Optional.empty());

        assertThat(stored.email()).contains(Email.stored("Ada@localhost"));
        assertThat(stored.email().orElseThrow().normalized()).isEqualTo("ada@localhost");
        assertThat(stored.members()).containsEntry("email", "Ada@localhost");
        assertThatThrownBy(() -> UserProfile.of(Map.of("id", "ada", "email", "Ada@localhost")))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("email"));
    }

    @Test
    void anEmailThatIsNotValidUnicodeIsRefused() {
        assertThatThrownBy(() -> new Email("a\ud800@example.com"))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("email"));
    }

    @Test
    void aMemberThatIsNotValidUnicodeIsRefusedNamingIt() {
        assertThatThrownBy(() -> aProfile().with("nickname", List.of("ok", "\udc00")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("nickname"));
        assertThatThrownBy(() -> aProfile().with("bad\ud800", "x").build()).isInstanceOf(InvalidInputException.class);
        for (var nested : List.<Object>of(Map.of("street", "\ud800"), Map.of("\udc00", "a name"), List.of(Map.of("city", "x\udbff")))) {
            assertThatThrownBy(() -> aProfile().with("address", nested).build()).as("%s", nested)
                    .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(fields(invalid)).containsExactly("address"));
        }
    }

    @Test
    void idsAreCountedInCharactersUpTo256() {
        var emoji = new String(Character.toChars(0x1F30D));
        assertThat(new UserId(emoji.repeat(256)).value()).hasSize(512);
        assertThat(new UserId("caf\u00e9").value()).as("composed").isEqualTo("caf\u00e9");
        assertThatThrownBy(() -> new UserId("x".repeat(257))).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "a b@example.com", "ada@@example.com", "ada@.com",
            // Spaces the pattern's \s does not match, and zero-width characters: each would make a look-alike of another's address.
            "ada\u00a0@example.com", "ada@exa\u200bmple.com", "\u2003ada@example.com", "ada@example.com\ufeff", "a\u2060da@example.com",
            // Dots only between atoms, host names of letters, digits and inner hyphens, labels of at most 63 characters.
            ".ada@example.com", "ada.@example.com", "a..da@example.com", "ada@example..com", "ada@example.com.", "ada@-example.com",
            "ada@example-.com", "ada@ex_ample.com", "ada@exa!mple.com", "a,da@example.com", "a(da)@example.com", "\"ada\"@example.com",
            "a\\da@example.com", "ada@example.c\u00f6m\u0000", "ada@xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.com",
            // Decomposed, a look-alike of the composed address (u + U+0308 shows as the \u00fc of \u00fc@example.com).
            "u\u0308@example.com", "ada@bu\u0308cher.de"})
    void addressesThatAreNotEmailsAreRefused(String email) {
        assertThatThrownBy(() -> new Email(email)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "Ada.Lovelace+chirps@mail.example.co.uk", "o'brien@example.ie", "a-b_c@ex-ample.com",
            "x@xn--bcher-kva.de", "\u00fc@b\u00fccher.de", "\u00e9l\u00e8ve@\u00e9cole.fr", "\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", "1@2.3",
            "ada@xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.com"})
    void addressesOfTheUsualShapesAreAccepted(String email) {
        assertThat(new Email(email).value()).isEqualTo(email);
    }

    @Test
    void emailsCompareWithoutLetterCase() {
        assertThat(new Email("Ada@Example.COM").sameAddressAs(new Email("ada@example.com"))).isTrue();
        var labels = "y".repeat(63) + "." + "y".repeat(63) + ".";
        assertThat(new Email("x".repeat(64) + "@" + labels + "y".repeat(57) + ".com").value()).hasSize(254);
        assertThatThrownBy(() -> new Email("x".repeat(64) + "@" + labels + "y".repeat(58) + ".com")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theLocalPartIsAtMostSixtyFourCharacters() {
        assertThat(new Email("x".repeat(64) + "@example.com").value()).startsWith("x".repeat(64));
        assertThat(new Email("\u00fc".repeat(64) + "@example.com").value()).startsWith("\u00fc".repeat(64));
        assertThatThrownBy(() -> new Email("x".repeat(65) + "@example.com")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("64");
        assertThatThrownBy(() -> new Email("\u00fc".repeat(65) + "@example.com")).isInstanceOf(InvalidInputException.class);
    }

    static List<String> fields(InvalidInputException invalid) {
        return invalid.violations().stream().map(Violation::field).toList();
    }
}
