package dev.serverlessapis.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerTest {
    @Test
    void anAdminIsAMemberOfTheAdminsGroup() {
        assertThat(Caller.signedIn("ada", List.of("admins")).requireSignedIn("x").isAdmin()).isTrue();
        assertThat(Caller.signedIn("ada", List.of("editors", "admins")).requireSignedIn("x").isAdmin()).isTrue();
        assertThat(Caller.signedIn("bob", List.of()).requireSignedIn("x").isAdmin()).isFalse();
        assertThat(Caller.signedIn("bob", List.of("Admins", "admin", "admins-x")).requireSignedIn("x").isAdmin()).isFalse();
    }

    @Test
    void aVerifiedSignInThatNamesNobodyIsUnauthenticated() {
        assertThat(Caller.identified(Optional.of("ada"), List.of("admins"))).isEqualTo(Caller.signedIn("ada", List.of("admins")));
        for (var nobody : List.of(Optional.<String>empty(), Optional.of(""), Optional.of("  "), Optional.of("\u00a0"),
                Optional.of("\u200b\ufeff"))) {
            assertThatThrownBy(() -> Caller.identified(nobody, List.of("admins"))).isExactlyInstanceOf(UnauthenticatedException.class);
        }
    }

    /** A verified token is still not ours: a handle no caller may have is a refused sign-in (401), never our 500. */
    @Test
    void aVerifiedSignInWhoseHandleHoldsAControlCharacterIsUnauthenticated() {
        assertThatThrownBy(() -> Caller.identified(Optional.of("ada\n"), List.of())).isExactlyInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void nobodySignedInIsUnauthenticatedNotForbidden() {
        assertThatThrownBy(() -> Caller.anonymous().requireSignedIn("post a chirp"))
                .isExactlyInstanceOf(UnauthenticatedException.class).hasMessage("Sign in to post a chirp.");
        assertThatThrownBy(() -> Caller.anonymous().requireAdmin("list every profile"))
                .isExactlyInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aSignedInNonAdminIsForbiddenWhatOnlyAdminsMayDo() {
        assertThatThrownBy(() -> Caller.signedIn("bob", List.of("editors")).requireAdmin("register a customer"))
                .isExactlyInstanceOf(ForbiddenException.class)
                .hasMessage("Only members of 'admins' may register a customer.");
        assertThat(Caller.signedIn("ada", List.of("admins")).requireAdmin("register a customer").handle()).isEqualTo("ada");
    }

    @Test
    void aHandleIsNeverBlankNorHoldsControlCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> Caller.signedIn(null, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Caller.signedIn(" ", List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Caller.signedIn("\u202f\u200d", List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Caller.signedIn("ada\n", List.of()));
    }

    @Test
    void groupsAreACopyTheCallerCannotChangeLater() {
        var groups = new ArrayList<>(List.of("editors"));
        var caller = Caller.signedIn("bob", groups);
        groups.add("admins");
        assertThat(caller.requireSignedIn("x").isAdmin()).isFalse();
    }
}
