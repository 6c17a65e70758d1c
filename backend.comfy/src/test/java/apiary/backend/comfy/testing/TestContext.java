package apiary.backend.comfy.testing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;

/** A backend context that records what the driver reports, as the registry would receive it. */
public final class TestContext implements BackendContext {
    private final int id;
    private final Map<String, Object> settings;
    private volatile BackendStatus status = BackendStatus.LOADING;
    /** Every status reported, in order. */
    public final List<BackendStatus> statuses = new CopyOnWriteArrayList<>();
    /** The load-status lines. */
    public final List<String> loadStatus = new CopyOnWriteArrayList<>();
    /** The latest features. */
    public volatile List<String> features = List.of();
    /** The latest model lists. */
    public volatile Map<String, List<String>> models;
    /** The latest max usages. */
    public volatile int maxUsages = -1;
    /** The current model. */
    public volatile String currentModel;

    /** @param id the backend id @param settings the entry's settings */
    public TestContext(int id, Map<String, Object> settings) {
        this.id = id;
        this.settings = settings;
    }

    @Override public int id() { return id; }
    @Override public Map<String, Object> settings() { return settings; }
    @Override public BackendStatus status() { return status; }

    @Override
    public void setStatus(BackendStatus s) {
        status = s;
        statuses.add(s);
    }

    @Override public void setFeatures(Collection<String> f) { features = List.copyOf(f); }
    @Override public void setMaxUsages(int m) { maxUsages = m; }
    @Override public void setCanLoadModels(boolean c) { }
    @Override public void setModels(Map<String, List<String>> m) { models = m; }
    @Override public void setCurrentModel(String m) { currentModel = m; }
    @Override public void reportLoadStatus(String m) { loadStatus.add(m); }

    /**
     * Waits for a condition (the tests never sleep a fixed time).
     *
     * @param what the condition
     * @param timeoutMs how long at most
     * @return whether it became true
     */
    public static boolean await(BooleanSupplier what, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (what.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return what.getAsBoolean();
    }
}
