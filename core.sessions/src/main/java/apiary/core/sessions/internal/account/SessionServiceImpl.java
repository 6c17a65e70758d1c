package apiary.core.sessions.internal.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import apiary.core.api.route.CallContext;
import apiary.core.api.session.Session;
import apiary.core.api.session.User;
import apiary.core.sessions.internal.settings.AuthSettings;
import apiary.core.api.session.SessionService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The core.api {@link SessionService} the dispatcher resolves {@code session_id}s with, over {@link Accounts}. */
@Component(service = SessionService.class)
public final class SessionServiceImpl implements SessionService {
    private final Accounts accounts;
    private final AuthSettings auth;

    /**
     * @param accounts users and sessions
     * @param auth the login settings that decide how a cookie-only request is resolved
     */
    @Activate
    public SessionServiceImpl(@Reference Accounts accounts, @Reference AuthSettings auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return accounts.findSession(sessionId).map(s -> s);
    }

    @Override
    public Collection<Session> sessions() {
        return List.copyOf(accounts.liveSessions());
    }

    @Override
    public Optional<User> userFor(CallContext context) {
        return RequestUsers.resolve(context, accounts, auth).map(RequestUsers.Caller::user);
    }
}
