package dev.serverlessapis.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The length of the source file a class was compiled from, as {@code wc -l} counts it. A compiled class keeps its
 * source file's name but not its length (line tables cover code, not imports, comments or fields), so the file is
 * found under the {@code src/main/java} folders of the project's modules. A class compiled from code an annotation
 * processor or the build wrote (Dagger's components and factories, the route table generated from api.json: each
 * in a folder of {@code target/generated-sources}) is nobody's to split;
 * a class whose source is found in neither place is a violation, so the rule cannot pass by finding nothing.
 */
final class SourceLength {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    private static final List<Path> WRITTEN = folders(ROOT, Path.of("src", "main", "java"));
    private static final List<Path> GENERATED = folders(ROOT, Path.of("target", "generated-sources")).stream()
            .flatMap(SourceLength::subfolders).toList();

    private SourceLength() {
    }

    static ArchCondition<JavaClass> atMost(int lines) {
        return new ArchCondition<>("have a source file of at most " + lines + " lines") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                var relative = type.getSource().flatMap(Source::getFileName)
                        .map(file -> Path.of(type.getPackageName().replace('.', '/'), file));
                var written = relative.flatMap(path -> find(WRITTEN, path));
                if (written.isPresent()) {
                    var length = length(written.get());
                    events.add(new SimpleConditionEvent(type, length <= lines,
                            ROOT.relativize(written.get()) + " has " + length + " lines (at most " + lines + ")"));
                } else if (relative.flatMap(path -> find(GENERATED, path)).isEmpty()) {
                    events.add(SimpleConditionEvent.violated(type, "no source file of " + type.getName() + " (" + relative
                            .map(Path::toString).orElse("no file name in its class file") + ") under any src/main/java of " + ROOT));
                }
            }
        };
    }

    private static Optional<Path> find(List<Path> folders, Path relative) {
        return folders.stream().map(folder -> folder.resolve(relative)).filter(Files::isRegularFile).findFirst();
    }

    private static long length(Path source) {
        try (var lines = Files.lines(source)) {
            return lines.count();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Stream<Path> subfolders(Path folder) {
        try (var children = Files.list(folder)) {
            return children.filter(Files::isDirectory).toList().stream();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Every {@code <module>/<suffix>} under the root, modules nested in modules included. */
    private static List<Path> folders(Path root, Path suffix) {
        try (Stream<Path> paths = Files.find(root, 6, (path, attributes) -> attributes.isDirectory() && path.endsWith(suffix)
                && !root.relativize(path).toString().contains("node_modules"))) {
            return paths.toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
