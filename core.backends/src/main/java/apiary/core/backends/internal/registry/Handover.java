package apiary.core.backends.internal.registry;

import java.util.concurrent.CompletionStage;

import apiary.core.api.backend.Backend;

/**
 * What is left to do, outside the registry lock, after an entry was restarted or stopped: shut its old instance
 * down (once the jobs running on it are done, when asked to wait) and then, for a restart, queue the new init.
 *
 * @param entry the entry
 * @param epoch the entry's new life; the init is queued only while the entry is still at it
 * @param old the instance that was running, or {@code null}
 * @param drained completes when no job holds the old instance any more
 * @param init whether the new life needs an init
 */
record Handover(BackendEntry entry, long epoch, Backend old, CompletionStage<Void> drained, boolean init) {
}
