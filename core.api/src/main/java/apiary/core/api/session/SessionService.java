package apiary.core.api.session;

import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Looks up sessions for the dispatcher and lists the live ones for status and admin views. */
@ProviderType
public interface SessionService {
    /**
     * @param sessionId the id a client sent
     * @return the live session, possibly revived from the database; empty when unknown, expired or revoked
     */
    Optional<Session> find(String sessionId);

    /** @return the sessions currently held in memory */
    Collection<Session> sessions();
}
