package dev.serverlessapis.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.ForbiddenException;
import dev.serverlessapis.domain.shared.NotFoundException;
import dev.serverlessapis.domain.shared.UnauthenticatedException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table's {@code /users} rows. */
class ProfileAccessTest {
    private static final Caller ADA = Caller.signedIn("ada", List.of());
    private static final Caller BOB = Caller.signedIn("bob", List.of("editors"));
    private static final Caller ROOT = Caller.signedIn("root", List.of(Caller.ADMINS));
    private static final UserId ID = new UserId("u-1");
    private static final Optional<ProfileOwner> ADAS = Optional.of(new ProfileOwner("ada"));

    @Test
    void whoeverCreatesAProfileOwnsIt() {
        assertThat(ProfileAccess.ownerOfNewProfile(ADA)).isEqualTo(new ProfileOwner("ada"));
        assertThat(ProfileAccess.ownerOfNewProfile(ROOT)).isEqualTo(new ProfileOwner("root"));
    }

    @Test
    void creatingNeedsASignIn() {
        assertThatThrownBy(() -> ProfileAccess.ownerOfNewProfile(Caller.anonymous()))
                .isExactlyInstanceOf(UnauthenticatedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read a profile", "replace a profile", "delete a profile"})
    void readingReplacingOrDeletingOneNeedsASignInBeforeAnythingIsLookedUp(String toDoWhat) {
        assertThatThrownBy(() -> ProfileAccess.signedIn(Caller.anonymous(), toDoWhat))
                .isExactlyInstanceOf(UnauthenticatedException.class).hasMessage("Sign in to " + toDoWhat + ".");
        assertThat(ProfileAccess.signedIn(BOB, toDoWhat).handle()).isEqualTo("bob");
    }

    @Test
    void theOwnerMayReadReplaceAndDeleteTheirProfile() {
        assertThatCode(() -> ProfileAccess.requireOwnerOrAdmin(signedIn(ADA), ID, ADAS)).doesNotThrowAnyException();
    }

    @Test
    void anAdminMayReadReplaceAndDeleteAnyProfileEvenOneWithoutOwner() {
        assertThatCode(() -> ProfileAccess.requireOwnerOrAdmin(signedIn(ROOT), ID, ADAS)).doesNotThrowAnyException();
        assertThatCode(() -> ProfileAccess.requireOwnerOrAdmin(signedIn(ROOT), ID, Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void toAnyoneElseTheProfileDoesNotExistWithTheSameNotFoundAsAnUnusedId() {
        assertThatThrownBy(() -> ProfileAccess.requireOwnerOrAdmin(signedIn(BOB), ID, ADAS))
                .isExactlyInstanceOf(NotFoundException.class)
                .hasMessage(UserNotFound.withId(ID).getMessage());
        assertThatThrownBy(() -> ProfileAccess.requireOwnerOrAdmin(signedIn(BOB), ID, Optional.empty()))
                .isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ProfileAccess.requireOwnerOrAdmin(signedIn(Caller.signedIn("Ada", List.of())), ID, ADAS))
                .as("handles are compared exactly").isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void listingFindingByEmailAndDeletingAllAreForAdminsOnly() {
        List<Consumer<Caller>> adminOnly = List.of(
                ProfileAccess::requireMayList, ProfileAccess::requireMayFindByEmail, ProfileAccess::requireMayDeleteAll);
        for (var rule : adminOnly) {
            assertThatCode(() -> rule.accept(ROOT)).doesNotThrowAnyException();
            assertThatThrownBy(() -> rule.accept(ADA)).isExactlyInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> rule.accept(BOB)).isExactlyInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> rule.accept(Caller.anonymous())).isExactlyInstanceOf(UnauthenticatedException.class);
        }
    }

    private static Caller.SignedIn signedIn(Caller caller) {
        return caller.requireSignedIn("test");
    }
}
