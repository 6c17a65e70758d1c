package apiary.web.ui.internal.pages;

import apiary.core.api.settings.ServerSettings;

/** Whether the first-run installer has completed (the hidden server setting {@code isinstalled}). */
final class InstallState {
    private InstallState() {
    }

    static boolean installed(ServerSettings settings) {
        try {
            return settings.getBoolean("isinstalled");
        } catch (RuntimeException e) {
            // No installer on this server (the setting is not declared): nothing to install.
            return true;
        }
    }
}
