package dev.serverlessapis.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlessapis.domain.chirp.ChirpText;
import dev.serverlessapis.domain.counter.CounterName;
import dev.serverlessapis.domain.customer.CustomerId;
import dev.serverlessapis.domain.shared.Caller;
import dev.serverlessapis.domain.shared.Callers;
import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.PageRequest;
import dev.serverlessapis.domain.user.ProfileOwner;
import dev.serverlessapis.domain.user.UserId;
import dev.serverlessapis.domain.user.UserProfile;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every use case's command and query refuses null in each of its components, as the value objects refuse a missing
 * value: a null is a programming error of the adapter that built it, caught where it is made, never deep in a use case.
 * The records are found in the domain's compiled classes, so a new command is checked without being listed here.
 */
class CommandsRefuseNullTest {
    /** One valid value of each type a command or query holds; a command with a new type fails until it is added. */
    private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(Optional.class, Optional.empty()),
            Map.entry(CustomerId.class, new CustomerId("c-1")),
            Map.entry(dev.serverlessapis.domain.chirp.UserId.class, new dev.serverlessapis.domain.chirp.UserId("ada")),
            Map.entry(ChirpText.class, new ChirpText("hello")),
            Map.entry(CounterName.class, new CounterName("cloud-resume")),
            Map.entry(PageRequest.class, new PageRequest(PageRequest.DEFAULT_LIMIT, Optional.empty())),
            Map.entry(Caller.SignedIn.class, Callers.person("ada")),
            Map.entry(UserProfile.class, UserProfile.of(Map.of(UserProfile.ID, "ada"))),
            Map.entry(ProfileOwner.class, new ProfileOwner("ada")),
            Map.entry(UserId.class, new UserId("ada")),
            Map.entry(Deadline.class, Deadline.in(Duration.ofSeconds(1), Clock.systemUTC())));

    @Test
    void everyUseCaseHasItsInputFound() throws IOException, URISyntaxException {
        assertThat(commandsAndQueries()).extracting(Class::getSimpleName).as("a sanity check of the search, not a list to keep")
                .hasSizeGreaterThanOrEqualTo(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void eachComponentRefusesNull(String name, Class<?> record, int nulled) throws NoSuchMethodException {
        var components = record.getRecordComponents();
        var arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            var type = components[i].getType();
            assertThat(SAMPLES).as("a sample value of " + type.getName() + " for " + name).containsKey(type);
            arguments[i] = i == nulled ? null : SAMPLES.get(type);
        }
        var constructor = record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));

        assertThatThrownBy(() -> {
            try {
                constructor.newInstance(arguments);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        }).isInstanceOf(NullPointerException.class).hasMessage(components[nulled].getName());
    }

    static Stream<Arguments> components() throws IOException, URISyntaxException {
        return commandsAndQueries().stream().flatMap(record -> {
            var components = record.getRecordComponents();
            return IntStream.range(0, components.length).mapToObj(i -> Arguments.of(
                    record.getName().substring(record.getPackageName().length() + 1) + "." + components[i].getName(), record, i));
        });
    }

    private static List<Class<?>> commandsAndQueries() throws IOException, URISyntaxException {
        var classes = Path.of(UserProfile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (var files = Files.walk(classes)) {
            return files.map(file -> classes.relativize(file).toString())
                    .filter(file -> file.endsWith("$Command.class") || file.endsWith("$Query.class"))
                    .<Class<?>>map(file -> load(file.substring(0, file.length() - ".class".length()).replace('/', '.')))
                    .filter(Class::isRecord)
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
