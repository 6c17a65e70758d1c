package apiary.core.api.session;

/**
 * The four per-session generation counters reported by {@code GetCurrentStatus} under {@code status}, each with its
 * JSON key. The generation code increments and decrements them; the status routes sum them.
 */
public enum StatusCounter {
    /** Generations queued but not yet started. */
    WAITING_GENS("waiting_gens"),
    /** Model loads in progress for this session. */
    LOADING_MODELS("loading_models"),
    /** Requests waiting for a free backend. */
    WAITING_BACKENDS("waiting_backends"),
    /** Generations running now. */
    LIVE_GENS("live_gens");

    private final String key;

    StatusCounter(String key) {
        this.key = key;
    }

    /** @return the JSON key, e.g. {@code waiting_gens} */
    public String key() {
        return key;
    }
}
