package dev.serverlessapis.adapters.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvocationTest {
    @Test
    void eachNameOfAnInvocationIsItsIdAndHowManyCameBefore() {
        var invocation = Invocation.serving("3f1c0e52-aws-request-id");
        try {
            assertThat(invocation.uniqueName()).isEqualTo("3f1c0e52-aws-request-id#1");
            assertThat(invocation.uniqueName()).isEqualTo("3f1c0e52-aws-request-id#2");
        } finally {
            invocation.end();
        }
    }

    @Test
    void theNextUniqueNameIsTheCurrentInvocationsAndOutsideOneARandomUuid() {
        var invocation = Invocation.serving("3f1c0e52-aws-request-id");
        try {
            invocation.uniqueName();
            assertThat(Invocation.nextUniqueName()).isEqualTo("3f1c0e52-aws-request-id#2");
        } finally {
            invocation.end();
        }
        var outside = Invocation.nextUniqueName();
        assertThat(UUID.fromString(outside)).hasToString(outside);
        assertThat(Invocation.nextUniqueName()).isNotEqualTo(outside);
    }

    @Test
    void anInvocationServedInsideAnotherIsCurrentUntilItEndsAndTheOuterOneAfter() {
        var outer = Invocation.serving("outer");
        try {
            var inner = Invocation.serving("inner");
            assertThat(Invocation.current()).containsSame(inner);
            inner.end();
            assertThat(Invocation.current()).containsSame(outer);
        } finally {
            outer.end();
        }
        assertThat(Invocation.current()).isEmpty();
    }
}
