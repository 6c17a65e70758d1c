package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import apiary.core.api.backend.RefreshableBackend;
import apiary.core.backends.internal.Threads;

/** {@code TriggerRefresh} for backends: every running {@link RefreshableBackend} refreshes at once, on threads of its own. */
final class Refreshes {
    private static final System.Logger LOG = System.getLogger(Refreshes.class.getName());

    private final Supplier<List<RefreshableBackend>> running;
    private final ExecutorService workers = Executors.newCachedThreadPool(Threads.daemon("apiary-backend-refresh"));

    /** @param running the running instances that can refresh (takes the registry lock itself) */
    Refreshes(Supplier<List<RefreshableBackend>> running) {
        this.running = running;
    }

    CompletionStage<Integer> refreshAll() {
        List<RefreshableBackend> asked = running.get();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (RefreshableBackend b : asked) {
            done.add(CompletableFuture.runAsync(() -> {
                try {
                    b.refresh();
                } catch (Exception | LinkageError e) {
                    LOG.log(Level.WARNING, "A backend failed to refresh its lists", e);
                }
            }, workers));
        }
        return CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).thenApply(v -> asked.size());
    }

    void close() {
        workers.shutdownNow();
    }
}
