package dev.serverlessapis.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/http-contract.md is the contract as a clone carries it: after its note, the text of {@code ../shared/API.md},
 * the contract as it is kept beside the repository where the project is developed. A change there shows here first.
 */
class ContractCopyTest {
    private static final Path COPY = DocumentationLinksTest.ROOT.resolve("docs/http-contract.md");
    private static final Path CONTRACT = DocumentationLinksTest.ROOT.getParent().resolve("shared/API.md");

    @Test
    void theCopyIsTheContractAfterItsNote() throws Exception {
        var copy = Files.readString(COPY);
        var noteEnd = copy.indexOf("\n\n");
        var note = copy.substring(0, noteEnd);
        assertThat(note.lines()).allMatch(line -> line.startsWith("> ")).anyMatch(line -> line.contains("../shared/API.md"));
        var contract = copy.substring(noteEnd + 2);
        assertThat(contract).startsWith("# The HTTP contract").contains("| `DELETE /users` | user-profile-delete-all |");
        if (Files.exists(CONTRACT)) {
            assertThat(contract).as("docs/http-contract.md after its note, against " + CONTRACT).isEqualTo(Files.readString(CONTRACT));
        }
    }
}
