package apiary.core.sessions.internal.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import apiary.core.api.session.Session;
import apiary.core.api.session.SessionService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The core.api {@link SessionService} the dispatcher resolves {@code session_id}s with, over {@link Accounts}. */
@Component(service = SessionService.class)
public final class SessionServiceImpl implements SessionService {
    private final Accounts accounts;

    /** @param accounts users and sessions */
    @Activate
    public SessionServiceImpl(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return accounts.findSession(sessionId).map(s -> s);
    }

    @Override
    public Collection<Session> sessions() {
        return List.copyOf(accounts.liveSessions());
    }
}
