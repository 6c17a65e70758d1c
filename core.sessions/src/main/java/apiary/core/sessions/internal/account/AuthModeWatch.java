package apiary.core.sessions.internal.account;

import java.lang.System.Logger.Level;
import java.util.List;

import apiary.core.api.settings.ServerSettingsListener;
import apiary.core.sessions.internal.settings.AuthSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Ends every session that did not come from a login when login-required mode is switched on. Such sessions were
 * handed out to anyone as the local owner. Sessions opened from loopback (no forwarding header) stay while the
 * localhost bypass is on, as SwarmUI's bypass keeps such a client working as the local user; they end at their next
 * use if the bypass is turned off later ({@link Accounts#findSession}).
 */
@Component(service = ServerSettingsListener.class)
public final class AuthModeWatch implements ServerSettingsListener {
    private static final System.Logger LOG = System.getLogger(AuthModeWatch.class.getName());

    private final Accounts accounts;
    private final AuthSettings auth;

    /**
     * @param accounts the sessions
     * @param auth the current auth settings
     */
    @Activate
    public AuthModeWatch(@Reference Accounts accounts, @Reference AuthSettings auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    @Override
    public void settingsChanged(List<String> paths) {
        if (paths.contains(AuthSettings.AUTH_REQUIRED) && auth.authorizationRequired()) {
            int ended = accounts.endSessionsNotFromLogin();
            LOG.log(Level.INFO, "Login is now required: ended {0} session(s) that did not come from a login", ended);
        }
    }
}
