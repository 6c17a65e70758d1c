package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;

/**
 * The reports every {@link BackendContext} takes, for an entry's instance and for a child alike: each checks its
 * input, changes the state under the registry's lock and republishes the entry, unless the state no longer belongs
 * to the reporting instance ({@link #live()}).
 *
 * @param <S> the state reported on
 */
abstract class ReportingContext<S extends ReportedState> implements BackendContext {
    private static final System.Logger LOG = System.getLogger(ReportingContext.class.getName());

    /** The registry's lock. */
    final Object lock;
    /** Republishes an entry (with the lock held). */
    final Consumer<BackendEntry> changed;
    /** The state this context reports on. */
    final S state;
    private final Map<String, Object> settings;

    ReportingContext(Object lock, Consumer<BackendEntry> changed, S state, Map<String, Object> settings) {
        this.lock = lock;
        this.changed = changed;
        this.state = state;
        this.settings = settings;
    }

    /** @return whether reports still change the state; called with the lock held */
    abstract boolean live();

    /** @return the entry to republish after a change; called with the lock held */
    abstract BackendEntry owner();

    /** @return how the log names this backend, e.g. {@code Backend #3} */
    abstract String logName();

    /** @param status a status @return whether a load message is shown in it */
    abstract boolean showsLoadMessage(BackendStatus status);

    /** Lets a subclass adjust the state after a status change (with the lock held). */
    void statusChanged(S s, BackendStatus status) {
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public BackendStatus status() {
        synchronized (lock) {
            return state.status;
        }
    }

    @Override
    public void setStatus(BackendStatus status) {
        Reports.status(status);
        update(s -> {
            if (s.status != status) {
                LOG.log(Level.INFO, "{0} is now {1}", logName(), status.wireName());
            }
            s.status = status;
            statusChanged(s, status);
        });
    }

    @Override
    public void setFeatures(Collection<String> features) {
        List<String> copy = Reports.features(features);
        update(s -> s.features = copy);
    }

    @Override
    public void setMaxUsages(int maxUsages) {
        Reports.maxUsages(maxUsages);
        update(s -> s.maxUsages = maxUsages);
    }

    @Override
    public void setCanLoadModels(boolean canLoadModels) {
        update(s -> s.canLoadModels = canLoadModels);
    }

    @Override
    public void setModels(Map<String, List<String>> models) {
        Map<String, List<String>> frozen = Reports.models(models);
        update(s -> s.models = frozen);
    }

    @Override
    public void setCurrentModel(String modelName) {
        update(s -> s.currentModel = modelName);
    }

    @Override
    public void reportLoadStatus(String message) {
        LOG.log(Level.DEBUG, "{0}: {1}", logName(), message);
        update(s -> {
            if (showsLoadMessage(s.status)) {
                s.statusMessage = message;
            }
        });
    }

    /** Applies a change under the lock and republishes, unless the state is no longer this context's. */
    void update(Consumer<S> change) {
        synchronized (lock) {
            if (!live()) {
                return;
            }
            change.accept(state);
            changed.accept(owner());
        }
    }
}
