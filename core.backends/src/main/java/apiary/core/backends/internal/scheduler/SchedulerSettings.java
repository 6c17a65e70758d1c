package apiary.core.backends.internal.scheduler;

import apiary.core.api.settings.ServerSettings;
import apiary.core.backends.internal.settings.BackendServerSettings;

/**
 * The server settings the scheduler follows, read once per pass.
 *
 * @param fifo serve strictly in arrival order (SwarmUI) instead of fair share between users
 * @param perRequestTimeoutMillis how long one request may wait ({@code backends.perrequesttimeoutminutes})
 * @param maxTimeoutMillis how long the queue may stand still ({@code backends.maxtimeoutminutes})
 * @param forceRestartOnTimeout restart every backend instead of failing the queue when it stands still
 * @param loadOnFirstFree load models on the first free backend instead of the least recently used one
 */
public record SchedulerSettings(boolean fifo, long perRequestTimeoutMillis, long maxTimeoutMillis, boolean forceRestartOnTimeout,
        boolean loadOnFirstFree) {
    /** SwarmUI's defaults with the fair policy. */
    public static final SchedulerSettings DEFAULTS = of(null);

    /** @param settings the server settings, or {@code null} for the defaults @return the current values */
    public static SchedulerSettings of(ServerSettings settings) {
        return new SchedulerSettings(BackendServerSettings.fifoPolicy(settings),
                BackendServerSettings.perRequestTimeoutMillis(settings), BackendServerSettings.maxTimeoutMillis(settings),
                BackendServerSettings.forceRestartOnTimeout(settings), BackendServerSettings.loadOnFirstFree(settings));
    }
}
