package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListUserProfilesTest {
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles().with(
            aProfile().withId("a").withEmail("a@example.com").build(),
            aProfile().withId("b").build(),
            aProfile().withId("c").withEmail("c@example.com").build());
    private final ListUserProfiles listUserProfiles = new ListUserProfiles(profiles);

    @Test
    void pagesTogetherHoldEveryProfileOnce() {
        var seen = new ArrayList<String>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = listUserProfiles.list(ListUserProfiles.Query.of(ADMIN, Optional.empty(), Optional.of("2"), cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(stored -> seen.add(stored.id().value()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(seen).containsExactly("a", "b", "c");
    }

    @Test
    void anEmailFindsItsOneProfileInAnyLetterCaseOrNone() {
        var found = listUserProfiles.list(ListUserProfiles.Query.of(ADMIN, Optional.of("C@Example.COM"), Optional.empty(), Optional.empty()));
        var none = listUserProfiles.list(ListUserProfiles.Query.of(ADMIN, Optional.of("z@example.com"), Optional.empty(), Optional.empty()));

        assertThat(found.items()).extracting(stored -> stored.id().value()).containsExactly("c");
        assertThat(found.nextCursor()).isEmpty();
        assertThat(none.items()).isEmpty();
    }

    @Test
    void anInvalidEmailOrLimitIsRefusedNamingIt() {
        assertThatThrownBy(() -> ListUserProfiles.Query.of(ADMIN, Optional.of("nope"), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(UserProfileTest.fields(invalid)).containsExactly("email"));
        assertThatThrownBy(() -> ListUserProfiles.Query.of(ADMIN, Optional.empty(), Optional.of("101"), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(UserProfileTest.fields(invalid)).containsExactly("limit"));
    }

    /** An email's answer is one page, which no cursor leads to: one sent with it, tampered or not, would go unread. */
    @Test
    void aCursorWithAnEmailIsRefusedNamingIt() {
        assertThatThrownBy(() -> ListUserProfiles.Query.of(ADMIN, Optional.of("c@example.com"), Optional.empty(), Optional.of("anything")))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(UserProfileTest.fields(invalid)).containsExactly("cursor"));
    }
}
