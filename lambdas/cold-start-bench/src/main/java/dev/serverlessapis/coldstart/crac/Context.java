package dev.serverlessapis.coldstart.crac;

import java.util.ArrayList;
import java.util.List;

/** Keeps the registered hooks, strongly, for the life of the measured JVM. */
public final class Context<R extends Resource> {
    private final List<R> resources = new ArrayList<>();

    public synchronized void register(R resource) {
        resources.add(resource);
    }

    synchronized List<R> resources() {
        return List.copyOf(resources);
    }
}
