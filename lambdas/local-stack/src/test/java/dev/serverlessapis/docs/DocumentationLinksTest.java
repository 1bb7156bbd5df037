package dev.serverlessapis.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the project's Markdown (the README, docs/ and each module's README) leads to a file that
 * exists and, where it names a heading, to a heading of that file, anchored as GitHub anchors headings. Moving a
 * section from one file to another cannot leave a link behind.
 */
class DocumentationLinksTest {
    /** The repository's root; the other documentation tests read from it too. */
    static final Path ROOT = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

    @Test
    void everyRelativeLinkLeadsToAFileAndHeadingThatExist() {
        var broken = new ArrayList<String>();
        var checked = 0;
        for (var page : pages()) {
            var matcher = LINK.matcher(read(page));
            while (matcher.find()) {
                var target = matcher.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                checked++;
                var hash = target.indexOf('#');
                var file = hash < 0 ? target : target.substring(0, hash);
                var resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading; there are " + anchors(resolved) + ")");
                }
            }
        }
        assertThat(checked).as("links found").isGreaterThanOrEqualTo(8);
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeLinksTheApiDecisionsAndTheMapFollowsTheFilesItNames() {
        var readme = read(ROOT.resolve("README.md"));

        assertThat(readme).contains("](docs/api-decisions.md)", "## Where to change what");
        for (var named : List.of("terraform/modules/application/api.json", "scripts/smoke-requests")) {
            assertThat(readme).contains(named);
            assertThat(ROOT.resolve(named)).exists();
        }
    }

    private static List<Path> pages() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs")); Stream<Path> modules = Files.list(ROOT.resolve("terraform/modules"))) {
            var pages = new ArrayList<Path>();
            pages.add(ROOT.resolve("README.md"));
            docs.filter(path -> path.toString().endsWith(".md")).forEach(pages::add);
            modules.map(module -> module.resolve("README.md")).filter(Files::exists).forEach(pages::add);
            return pages;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** GitHub's anchors: lower case, punctuation other than '-' and '_' dropped, each space a '-'. */
    private static Set<String> anchors(Path page) {
        return HEADING.matcher(read(page)).results()
                .map(heading -> heading.group(1).strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
