package apiary.core.backends.internal.scheduler;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsListener;
import apiary.core.backends.internal.Threads;
import apiary.core.backends.internal.pool.BackendPool;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link BackendScheduler} service: a {@link SchedulerCore} on its own threads (one dispatcher, which also
 * ticks four times a second for timeouts and young model pressure; a hand-off pool completing callers' stages; a
 * pool for model loads), following the {@code backends.*} server settings.
 *
 * <p>It hears of settings changes through a listener it registers itself, not as a DS listener service: the
 * settings store binds its listeners while it activates, and a listener component that also references the store
 * (as this one must, to read the values) would be activated nested inside that activation - the cycle SCR logged at
 * every start as "Could not get service from ref [ServerSettings]".
 */
@Component(service = BackendScheduler.class)
public final class BackendSchedulerImpl implements BackendScheduler {
    private static final System.Logger LOG = System.getLogger(BackendSchedulerImpl.class.getName());
    private static final long TICK_MS = 250;

    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(Threads.daemon("apiary-scheduler"));
    private final ExecutorService handoff = Executors.newCachedThreadPool(Threads.daemon("apiary-scheduler-handoff"));
    private final ExecutorService workers = Executors.newCachedThreadPool(Threads.daemon("apiary-model-load"));
    private final SchedulerCore core;
    private volatile SchedulerSettings current = SchedulerSettings.DEFAULTS;
    private ServiceRegistration<ServerSettingsListener> listener;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerSettings settings;

    /**
     * @param pool the live backends
     * @param registry the configured backends, restarted all at once when {@code backends.forcerestartontimeout} asks
     */
    @Activate
    public BackendSchedulerImpl(@Reference BackendPool pool, @Reference BackendRegistry registry) {
        this.core = new SchedulerCore(pool, () -> current, System::nanoTime, dispatcher, handoff, workers,
                () -> workers.execute(() -> restartAll(registry)));
    }

    @Activate
    void activate(BundleContext context) {
        current = SchedulerSettings.of(settings);
        dispatcher.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        listener = context.registerService(ServerSettingsListener.class, changed -> tick(), null);
    }

    private void tick() {
        current = SchedulerSettings.of(settings);
        core.signal();
    }

    @Deactivate
    void deactivate() {
        try {
            listener.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework unregistered it
        }
        core.close();
        dispatcher.shutdownNow();
        workers.shutdownNow();
        handoff.shutdown();
    }

    private static void restartAll(BackendRegistry registry) {
        for (BackendDTO b : registry.backends()) {
            try {
                registry.restart(b.id);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Restarting backend #" + b.id + " after the scheduling timeout failed", e);
            }
        }
    }

    @Override
    public CompletionStage<BackendLease> acquire(BackendRequest request) {
        return core.acquire(request);
    }

    @Override
    public CompletionStage<Integer> loadModel(BackendRequest request, String model) {
        return core.loadModel(request, model);
    }
}
