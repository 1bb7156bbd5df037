package dev.serverlessapis.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The spelling a version travels in, as the ETag: this test is about the format itself. */
class VersionTest {
    private static final Incarnation NAMED = Incarnation.named("c6af9ac6-7b61-11e6-9a41-93e812345678#1");

    @Test
    void aNamedIncarnationsVersionIsItsCountThenItsIncarnationAndSpellsItselfBack() {
        var version = Version.first(NAMED).next();

        assertThat(version.name()).isEqualTo("2.c6af9ac6-7b61-11e6-9a41-93e812345678#1");
        assertThat(Version.named(version.name())).contains(version);
    }

    /** Tags clients read before incarnations were named ({@code "1"}, {@code "2"}, ...) still name those profiles. */
    @Test
    void anUnnamedIncarnationsVersionIsSpelledByItsCountAloneAsBefore() {
        assertThat(new Version(Incarnation.UNNAMED, 7).name()).isEqualTo("7");
        assertThat(Version.named("7")).contains(new Version(Incarnation.UNNAMED, 7));
    }

    @Test
    void versionsOfTwoIncarnationsWithOneCountAreNotTheSame() {
        var earlier = Version.first(Incarnation.named("a#1"));
        var later = Version.first(Incarnation.named("b#1"));

        assertThat(earlier).isNotEqualTo(later).isNotEqualTo(Version.first(Incarnation.UNNAMED));
        assertThat(IfMatch.anyOf(Set.of(earlier)).matches(later)).isFalse();
        assertThat(IfMatch.anyOf(Set.of(Version.first(Incarnation.UNNAMED))).matches(later)).isFalse();
        assertThat(IfMatch.anyOf(Set.of(earlier)).matches(Version.first(Incarnation.named("a#1")))).isTrue();
        assertThat(IfMatch.ANY.matches(later)).isTrue();
    }

    @Test
    void textThatNoVersionIsSpelledAsNamesNone() {
        for (var foreign : new String[] {"", "0", "01", "1234567890123456789", "x", "W/\"1\"", "\"1\"", "1.", "-1", "1.a b", "1.a\"b",
                "1.a,b", "1.a\\b", "1.é", "1." + "x".repeat(Incarnation.MAX_LENGTH + 1)}) {
            assertThat(Version.named(foreign)).as(foreign).isEmpty();
        }
        assertThat(Version.named("123456789012345678")).isPresent();
        assertThat(Version.named("1.a.b")).contains(Version.first(Incarnation.named("a.b")));
    }

    @Test
    void anIncarnationsNameIsSafeInsideAnEntityTag() {
        for (var unsafe : new String[] {"", "a b", "a\"b", "a,b", "a\\b", "a\u007fb", "é", "x".repeat(Incarnation.MAX_LENGTH + 1)}) {
            assertThatThrownBy(() -> Incarnation.named(unsafe)).as(unsafe).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Incarnation.named("!#$%&'()*+-./09:;<=>?@AZ[]^_`az{|}~").isNamed()).isTrue();
        assertThat(Incarnation.named("x".repeat(Incarnation.MAX_LENGTH)).isNamed()).as("the longest").isTrue();
    }
}
