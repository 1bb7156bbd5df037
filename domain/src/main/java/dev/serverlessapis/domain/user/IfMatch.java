package dev.serverlessapis.domain.user;

import java.util.Set;

/**
 * A write's precondition: the versions the client believes current. {@link #ANY} ({@code If-Match: *}) only asks
 * that the profile exist. A tag that names no version of ours (a weak or foreign tag) simply never matches.
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
