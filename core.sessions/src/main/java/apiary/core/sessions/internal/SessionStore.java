package apiary.core.sessions.internal;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.session.Session;
import apiary.core.api.session.SessionService;
import apiary.core.api.session.User;

import org.osgi.service.component.annotations.Component;

/** The live sessions. Session ids are 160 bits from a secure random source, as 40 lowercase hex characters. */
@Component(service = {SessionService.class, SessionStore.class})
public final class SessionStore implements SessionService {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SessionImpl> sessions = new ConcurrentHashMap<>();
    private final UserImpl local = new UserImpl(User.LOCAL, List.of("owner"), Set.of(PermissionRegistry.ALL));

    @Override
    public Optional<Session> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public Collection<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    /**
     * @param originAddress the caller's address
     * @return a new session of the local user
     */
    Session create(String originAddress) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        SessionImpl session = new SessionImpl(HexFormat.of().formatHex(bytes), local, originAddress);
        sessions.put(session.id(), session);
        return session;
    }
}
