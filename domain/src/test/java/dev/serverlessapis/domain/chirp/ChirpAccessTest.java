package dev.serverlessapis.domain.chirp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.ForbiddenException;
import dev.serverlessapis.domain.shared.UnauthenticatedException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table's {@code POST /chirp} row; {@code GET /chirp} is open to anyone and has no rule. */
class ChirpAccessTest {
    private static final Caller ADA = Caller.signedIn("ada_l", List.of());

    @Test
    void aSignedInPersonPostsUnderTheirHandleWhenTheBodyLeavesUserIdOut() {
        assertThat(ChirpAccess.authorOf(ADA, Optional.empty())).isEqualTo(new UserId("ada_l"));
    }

    @Test
    void aBodyUserIdThatIsTheirOwnHandleIsFine() {
        assertThat(ChirpAccess.authorOf(ADA, Optional.of("ada_l"))).isEqualTo(new UserId("ada_l"));
    }

    @Test
    void aBodyUserIdThatDiffersIsForbiddenEvenByLetterCase() {
        assertThatThrownBy(() -> ChirpAccess.authorOf(ADA, Optional.of("grace")))
                .isExactlyInstanceOf(ForbiddenException.class).hasMessageContaining("'ada_l'").hasMessageContaining("'grace'");
        assertThatThrownBy(() -> ChirpAccess.authorOf(ADA, Optional.of("Ada_L"))).isExactlyInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ChirpAccess.authorOf(ADA, Optional.of(""))).isExactlyInstanceOf(ForbiddenException.class);
    }

    @Test
    void adminsPostOnlyAsThemselvesToo() {
        var admin = Caller.signedIn("root", List.of(Caller.ADMINS));
        assertThatThrownBy(() -> ChirpAccess.authorOf(admin, Optional.of("ada_l"))).isExactlyInstanceOf(ForbiddenException.class);
    }

    @Test
    void nobodySignedInCannotPostAtAll() {
        assertThatThrownBy(() -> ChirpAccess.authorOf(Caller.anonymous(), Optional.empty()))
                .isExactlyInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> ChirpAccess.authorOf(Caller.anonymous(), Optional.of("ada_l")))
                .isExactlyInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aHandleThatBreaksTheUserIdRuleIsForbiddenNotABadRequest() {
        var unfit = Caller.signedIn("ada lovelace", List.of());
        assertThatThrownBy(() -> ChirpAccess.authorOf(unfit, Optional.empty()))
                .isExactlyInstanceOf(ForbiddenException.class).hasMessageContaining(UserId.RULE);
    }
}
