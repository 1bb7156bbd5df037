package dev.serverlessapis.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileOwnerTest {

    /** No handle read back is no owner; a handle read back is that owner. */
    @Test
    void aStoredOwnerWithoutAHandleIsNone() {
        assertThat(ProfileOwner.stored(null)).isEmpty();
        assertThat(ProfileOwner.stored("")).isEmpty();
        assertThat(ProfileOwner.stored(" \t")).isEmpty();
        assertThat(ProfileOwner.stored("ada")).contains(new ProfileOwner("ada"));
    }

    @Test
    void anOwnerMadeInCodeHasAHandle() {
        assertThatThrownBy(() -> new ProfileOwner(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
