package dev.serverlessapis.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough of HCL's native syntax to read this project's Terraform: blocks with labels, attributes with their
 * expressions as source text, comments, and strings with nested template interpolations. Expressions are not
 * evaluated: tests compare them with the text they must say. Written here because hcl4j 0.9.4, the Java HCL
 * library on Maven Central, rejects four of this project's files ({@code for} expressions and parenthesised keys).
 */
final class Hcl {
    record Block(String type, List<String> labels, Body body) {
        String label(int index) {
            return labels.get(index);
        }
    }

    record Body(Map<String, String> attributes, List<Block> blocks) {
        Optional<String> attribute(String name) {
            return Optional.ofNullable(attributes.get(name));
        }

        List<Block> blocks(String type) {
            return blocks.stream().filter(block -> block.type().equals(type)).toList();
        }

        Body block(String type) {
            var found = blocks(type);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + type + " block, found " + found.size());
            }
            return found.getFirst().body();
        }
    }

    private final String text;
    private int position;

    private Hcl(String text) {
        this.text = text;
    }

    static Body parse(String text) {
        var parser = new Hcl(text);
        var body = parser.body();
        if (parser.position < text.length()) {
            throw new IllegalArgumentException("unexpected text at offset " + parser.position);
        }
        return body;
    }

    private Body body() {
        var attributes = new LinkedHashMap<String, String>();
        var blocks = new ArrayList<Block>();
        while (true) {
            skipSpaceAndComments(true);
            if (position >= text.length() || text.charAt(position) == '}') {
                return new Body(attributes, blocks);
            }
            var name = identifier();
            skipSpaceAndComments(false);
            if (text.charAt(position) == '=' && text.charAt(position + 1) != '=') {
                position++;
                attributes.put(name, expression());
                continue;
            }
            var labels = new ArrayList<String>();
            while (text.charAt(position) == '"') {
                var start = position;
                position = afterString(position);
                labels.add(text.substring(start + 1, position - 1));
                skipSpaceAndComments(false);
            }
            expect('{');
            var inner = body();
            expect('}');
            blocks.add(new Block(name, labels, inner));
        }
    }

    private String identifier() {
        var start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || "_-".indexOf(text.charAt(position)) >= 0)) {
            position++;
        }
        if (start == position) {
            throw new IllegalArgumentException("expected a name at offset " + position + ": " + text.substring(position, Math.min(text.length(), position + 40)));
        }
        return text.substring(start, position);
    }

    /** The expression's text up to the end of its line, brackets and strings spanning lines included. */
    private String expression() {
        var start = position;
        var depth = 0;
        while (position < text.length()) {
            var c = text.charAt(position);
            if (c == '"') {
                position = afterString(position);
                continue;
            }
            if (depth == 0 && (c == '\n' || c == '#' || text.startsWith("//", position))) {
                break;
            }
            if (c == '#' || text.startsWith("//", position)) {
                skipLineComment();
                continue;
            }
            if ("{[(".indexOf(c) >= 0) {
                depth++;
            } else if ("}])".indexOf(c) >= 0) {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            position++;
        }
        return text.substring(start, position).trim();
    }

    /** From an opening quote to just after its closing quote, through escapes and ${...} or %{...} templates. */
    private int afterString(int quote) {
        var i = quote + 1;
        while (i < text.length()) {
            var c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if ((c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                i = afterTemplate(i + 2);
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string at offset " + quote);
    }

    private int afterTemplate(int start) {
        var depth = 0;
        var i = start;
        while (i < text.length()) {
            var c = text.charAt(i);
            if (c == '"') {
                i = afterString(i);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i + 1;
                }
                depth--;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated template at offset " + start);
    }

    private void skipSpaceAndComments(boolean newlines) {
        while (position < text.length()) {
            var c = text.charAt(position);
            if (c == '#' || text.startsWith("//", position)) {
                skipLineComment();
            } else if (text.startsWith("/*", position)) {
                position = text.indexOf("*/", position) + 2;
            } else if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
                position++;
            } else {
                return;
            }
        }
    }

    private void skipLineComment() {
        var end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end;
    }

    private void expect(char c) {
        if (position >= text.length() || text.charAt(position) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at offset " + position);
        }
        position++;
    }
}
