package apiary.core.backends.internal.routes;

import apiary.core.api.route.ApiError;

import org.osgi.framework.BundleContext;

/**
 * SwarmUI's {@code --lock_settings}: with the framework property {@value #PROPERTY} set to {@code true} (the
 * launcher's {@code --lock-settings}, {@code <data-dir>/apiary.properties} or {@code -Dapiary.settings.locked=true})
 * the routes that change backends refuse with SwarmUI's message.
 */
final class SettingsLock {
    /** The framework property that locks the settings. */
    static final String PROPERTY = "apiary.settings.locked";
    static final String MESSAGE = "Settings are locked.";

    private final boolean locked;

    private SettingsLock(boolean locked) {
        this.locked = locked;
    }

    static SettingsLock of(BundleContext context) {
        return new SettingsLock(Boolean.parseBoolean(context.getProperty(PROPERTY)));
    }

    /** @throws ApiError {@value #MESSAGE} when the settings are locked */
    void check() {
        if (locked) {
            throw new ApiError(MESSAGE);
        }
    }
}
