package dev.serverlessapis.adapters.json;

import java.util.ArrayList;

/**
 * Where a value is in the document, spelled (as {@link JsonCodec.Refused#path()} reads) only for a refusal: spelling
 * each value's path as it is read took time in the path's length for every value, so a body of long member names
 * over many values cost hundreds of milliseconds to parse where one of short names cost a few. A stored document,
 * which is not checked, tracks none.
 */
final class JsonPath {
    static final JsonPath DOCUMENT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String member;
    private final int index;

    private JsonPath(JsonPath parent, String member, int index) {
        this.parent = parent;
        this.member = member;
        this.index = index;
    }

    JsonPath member(String name) {
        return new JsonPath(this, name, -1);
    }

    JsonPath element(int position) {
        return new JsonPath(this, null, position);
    }

    String spelled() {
        var steps = new ArrayList<JsonPath>();
        for (var step = this; step.parent != null; step = step.parent) {
            steps.add(step);
        }
        var spelled = new StringBuilder();
        for (var i = steps.size() - 1; i >= 0; i--) {
            var step = steps.get(i);
            if (step.member == null) {
                spelled.append('[').append(step.index).append(']');
            } else {
                if (!spelled.isEmpty()) {
                    spelled.append('.');
                }
                spelled.append(step.member);
            }
        }
        return spelled.toString();
    }
}
