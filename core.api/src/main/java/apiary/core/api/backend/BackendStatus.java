package apiary.core.api.backend;

import java.util.Locale;

/** The life-cycle state of one backend, sent in lower case ({@code running}, {@code errored}...). */
public enum BackendStatus {
    /** Turned off by an admin. */
    DISABLED,
    /** Failed to start or crashed; needs attention. */
    ERRORED,
    /** Queued to initialise. */
    WAITING,
    /** Initialising. */
    LOADING,
    /** Reachable but not usable right now (e.g. a remote machine that is asleep). */
    IDLE,
    /** Ready to generate. */
    RUNNING;

    /** @return the lower-case wire name */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
