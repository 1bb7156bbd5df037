package dev.serverlessapis.domain.user;

import java.util.Set;

/**
 * A precondition: the versions the client believes current, for a write ({@code If-Match}) or, over HTTP, for a read
 * that needs no body if one is ({@code If-None-Match}). {@link #ANY} ({@code *}) only asks that the profile exist. A
 * tag that names no version of ours (a weak or foreign tag) simply never matches, and neither does a version of a
 * profile since deleted: it belongs to another {@link Incarnation} than the profile created again under its id, even
 * where their counts agree.
 */
public record IfMatch(boolean any, Set<Version> versions) {
    public static final IfMatch ANY = new IfMatch(true, Set.of());

    public IfMatch {
        versions = Set.copyOf(versions);
    }

    public static IfMatch anyOf(Set<Version> versions) {
        return new IfMatch(false, versions);
    }

    public boolean matches(Version current) {
        return any || versions.contains(current);
    }
}
