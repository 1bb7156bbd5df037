package dev.serverlessapis.domain.chirp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListChirpsTest {
    private final InMemoryChirps chirps = new InMemoryChirps();
    private final ListChirps listChirps = new ListChirps(chirps);

    @Test
    void withAUserIdOnlyThatUsersChirpsAreListedNewestFirst() {
        var old = chirps.add(new UserId("ada"), new ChirpText("old"), 1_000);
        chirps.add(new UserId("bob"), new ChirpText("bob's"), 1_500);
        var recent = chirps.add(new UserId("ada"), new ChirpText("recent"), 2_000);

        var page = listChirps.list(ListChirps.Query.of(Optional.of("ada"), Optional.empty(), Optional.empty()));

        assertThat(page.items()).containsExactly(recent, old);
    }

    @Test
    void withoutAUserIdEveryonesChirpsAreListedNewestFirst() {
        var a = chirps.add(new UserId("ada"), new ChirpText("a"), 1_000);
        var b = chirps.add(new UserId("bob"), new ChirpText("b"), 3_000);
        var c = chirps.add(new UserId("cy"), new ChirpText("c"), 2_000);

        assertThat(listChirps.list(ListChirps.Query.of(Optional.empty(), Optional.empty(), Optional.empty())).items())
                .containsExactly(b, c, a);
    }

    @Test
    void anInvalidUserIdOrLimitIsRejectedNamingTheField() {
        assertThatThrownBy(() -> ListChirps.Query.of(Optional.of("a b"), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting("field").containsExactly("userId"));
        assertThatThrownBy(() -> ListChirps.Query.of(Optional.empty(), Optional.of("0"), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.violations()).extracting("field").containsExactly("limit"));
    }
}
