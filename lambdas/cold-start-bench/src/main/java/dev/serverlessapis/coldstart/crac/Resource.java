package dev.serverlessapis.coldstart.crac;

/** The checkpoint hooks as org.crac's compatibility layer calls them. */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
