package dev.serverlessapis.domain.user;

import static dev.serverlessapis.domain.shared.Callers.ADMIN;
import static dev.serverlessapis.domain.user.ProfileBuilder.aProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.shared.ConflictException;
import dev.serverlessapis.domain.shared.DomainEvent;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.shared.RecordedDomainEvents;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateUserProfileTest {
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles();
    private final RecordedDomainEvents events = new RecordedDomainEvents();
    private final CreateUserProfile createUserProfile = new CreateUserProfile(profiles, events);

    @Test
    void storesTheProfileAsSentAtTheFirstVersion() {
        var members = aProfile().withEmail("ada@example.com").with("score", 1.5).members();

        var stored = createUserProfile.create(CreateUserProfile.Command.of(ADMIN, members));

        assertThat(stored.version().count()).isEqualTo(1);
        assertThat(stored.profile().members()).isEqualTo(members);
        assertThat(profiles.find(new UserId("ada"))).contains(stored);
        assertThat(events.all()).containsExactly(DomainEvent.PROFILE_CREATED);
    }

    @Test
    void withoutAnIdAUuidIsGeneratedAndPutFirst() {
        var stored = createUserProfile.create(CreateUserProfile.Command.of(ADMIN, aProfile().withoutId().members()));

        assertThat(UUID.fromString(stored.id().value())).isNotNull();
        assertThat(stored.profile().members().keySet()).containsExactly("id", "name");
    }

    @Test
    void aTakenIdIsAConflict() {
        createUserProfile.create(CreateUserProfile.Command.of(ADMIN, aProfile().members()));

        assertThatThrownBy(() -> createUserProfile.create(CreateUserProfile.Command.of(ADMIN, aProfile().withName("Other").members())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("id 'ada'");
        assertThat(events.all()).as("a taken id is no email conflict").containsExactly(DomainEvent.PROFILE_CREATED);
    }

    @Test
    void anEmailTakenInAnyLetterCaseIsAConflictAndNothingIsStored() {
        createUserProfile.create(CreateUserProfile.Command.of(ADMIN, aProfile().withEmail("ada@example.com").members()));

        var sameAddress = CreateUserProfile.Command.of(ADMIN, aProfile().withId("other").withEmail("ADA@example.com").members());
        assertThatThrownBy(() -> createUserProfile.create(sameAddress))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ADA@example.com");
        assertThat(profiles.find(new UserId("other"))).isEmpty();
        assertThat(events.all()).containsExactly(DomainEvent.PROFILE_CREATED, DomainEvent.EMAIL_CONFLICT);
    }

    @Test
    void anInvalidProfileIsRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> CreateUserProfile.Command.of(ADMIN, aProfile().withEmail("nope").members()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(profiles.list(PageRequest.parse(Optional.empty(), Optional.empty())).items()).isEmpty();
    }

    /**
     * The 50 members a profile may have count its id, also the one the server assigns to a body without one: a body of
     * 50 other members is refused, and the refusal says why a client that sent 50 is told of 51.
     */
    @Test
    void aBodyOfFiftyMembersWithoutAnIdIsRefusedSayingTheAssignedIdCounts() {
        var body = new java.util.LinkedHashMap<String, Object>();
        for (int i = 1; i <= UserProfile.MAX_MEMBERS; i++) {
            body.put("m" + i, i);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CreateUserProfile.Command.of(ADMIN, body))
                .isInstanceOfSatisfying(dev.serverlessapis.domain.shared.InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .singleElement().satisfies(violation -> assertThat(violation.message())
                                .isEqualTo("must have at most 50 members, id included, also an id the server assigns; it has 51")));
    }
}
