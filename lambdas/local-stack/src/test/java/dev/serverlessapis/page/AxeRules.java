package dev.serverlessapis.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core's WCAG 2.0 and 2.1 A and AA rules and its best practices, run in the page as it stands, by the script the
 * Deque jar carries (its Java API is not used: it would bring its own Selenium). Violations only: what axe cannot
 * decide ("needs review", such as contrast behind a text field) is left to people.
 */
final class AxeRules {
    private static final String SCRIPT = readScript();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                                resultTypes: ['violations'] })
              .then((results) => done(results.violations.flatMap((rule) =>
                rule.nodes.map((node) => `${rule.id} (${rule.impact}): ${node.target.join(' ')}: ${node.failureSummary}`))))
              .catch((error) => done(['axe failed: ' + error]));""";

    private AxeRules() {
    }

    /** Each violation as "rule (impact): element: what fails", none when the page passes. */
    static List<String> violations(JavascriptExecutor page) {
        page.executeScript(SCRIPT);
        var found = new ArrayList<String>();
        for (var violation : (List<?>) page.executeAsyncScript(RUN)) {
            found.add(String.valueOf(violation));
        }
        return found;
    }

    private static String readScript() {
        try (var script = AxeRules.class.getResourceAsStream("/axe.min.js")) {
            if (script == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
