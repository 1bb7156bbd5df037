package dev.serverlessapis.domain.user;

/**
 * One life of a profile id, from the create that stores a profile under it to the delete that ends it. A profile
 * created again under the same id is a new incarnation, named afresh by the store with a name it never gave that id
 * before, so no version read from the deleted profile is a version of its successor (see {@link Version}).
 *
 * <p>A name is opaque: 1 to {@value #MAX_LENGTH} visible ASCII characters other than {@code "}, {@code ,} and
 * {@code \}, so that a version's name is safe between an entity tag's quotes and in an {@code If-Match} list.
 * Profiles stored before incarnations were named have none: they are {@link #UNNAMED}.
 */
public final class Incarnation {
    public static final int MAX_LENGTH = 100;
    /**
     * The incarnation of every profile stored without a name: by code older than incarnations, before the upgrade or
     * by an older function still running during a deploy (and, as the store reads it, of one stored with a name that
     * is not valid). All of them share it, so it tells none of them from another:
     * only the names this code gives are unique, each among the incarnations this code names, and none is this one.
     */
    public static final Incarnation UNNAMED = new Incarnation("");

    private final String name;

    private Incarnation(String name) {
        this.name = name;
    }

    public static Incarnation named(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("an incarnation's name is 1 to " + MAX_LENGTH
                    + " visible ASCII characters other than '\"', ',' and '\\', got " + name);
        }
        return new Incarnation(name);
    }

    /** Whether {@code name} may name an incarnation ({@link #named} refuses every other). */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            var c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == ',' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public boolean isNamed() {
        return !name.isEmpty();
    }

    /** Empty for {@link #UNNAMED}. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Incarnation incarnation && name.equals(incarnation.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
