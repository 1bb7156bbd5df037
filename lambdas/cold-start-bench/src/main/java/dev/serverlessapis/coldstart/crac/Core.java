package dev.serverlessapis.coldstart.crac;

/**
 * A stand-in for the CRaC implementation Lambda's runtime gives {@code org.crac} under SnapStart
 * ({@code -Dorg.crac.Core.Compat=...}): a checkpoint here only runs every registered hook, before-checkpoint then
 * after-restore, with no snapshot. That is what the first invoke of a restored function comes after.
 */
public final class Core {
    private static final Context<Resource> GLOBAL = new Context<>();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        var resources = GLOBAL.resources();
        for (var resource : resources) {
            try {
                resource.beforeCheckpoint(GLOBAL);
            } catch (Exception failed) {
                throw new CheckpointException(failed);
            }
        }
        for (var resource : resources.reversed()) {
            try {
                resource.afterRestore(GLOBAL);
            } catch (Exception failed) {
                throw new RestoreException(failed);
            }
        }
    }
}
