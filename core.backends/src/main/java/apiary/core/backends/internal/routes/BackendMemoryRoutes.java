package apiary.core.backends.internal.routes;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.backends.internal.Threads;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.pool.SlotView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code FreeBackendMemory}: asks every running backend (or one) to free memory, each on a worker thread, and
 * answers when all have: the request thread never waits on a backend. Not subject to the settings lock, as in SwarmUI.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = BackendRoutes.AREA, description = BackendRoutes.AREA_DESCRIPTION)
public final class BackendMemoryRoutes implements RouteProvider {
    private static final System.Logger LOG = System.getLogger(BackendMemoryRoutes.class.getName());

    private final BackendPool pool;
    private final ExecutorService workers = Executors.newCachedThreadPool(Threads.daemon("apiary-free-memory"));

    /** @param pool the live backends */
    @Activate
    public BackendMemoryRoutes(@Reference BackendPool pool) {
        this.pool = pool;
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    /** @return how many backends freed memory */
    @Route(permission = "control_mem_clean", userUpdate = true, description = "Free memory from all backends or a specific one.",
            returns = "\"result\": true,\n\"count\": 1 // Number of backends memory was freed from")
    public CompletionStage<Map<String, Object>> FreeBackendMemory(
            @Param(description = "If true, system RAM should be cleared too. If false, only VRAM should be cleared.",
                    defaultValue = "False") boolean system_ram,
            @Param(description = "What backend ID to restart, or `all` for all.", defaultValue = "all") String backend) {
        List<CompletableFuture<Boolean>> asked = new ArrayList<>();
        for (SlotView s : pool.view().slots()) {
            Backend instance = s.state().instance();
            boolean chosen = "all".equals(backend) || Integer.toString(s.id()).equals(backend);
            if (chosen && instance != null && s.state().dto().status == BackendStatus.RUNNING) {
                asked.add(CompletableFuture.supplyAsync(() -> free(s.id(), instance, system_ram), workers));
            }
        }
        if (asked.isEmpty()) {
            return CompletableFuture.completedFuture(result(false, 0));
        }
        return CompletableFuture.allOf(asked.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> result(true, (int) asked.stream().filter(CompletableFuture::join).count()));
    }

    private static boolean free(int id, Backend instance, boolean systemRam) {
        try {
            return instance.freeMemory(systemRam);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Backend #" + id + " failed to free memory", e);
            return false;
        }
    }

    private static Map<String, Object> result(boolean any, int count) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", any);
        out.put("count", count);
        return out;
    }
}
