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

    /**
     * The user behind a request that carries no session (GET file routes such as {@code /View/...}), resolved as
     * SwarmUI does: the local user when no login is required; otherwise the owner of a valid login cookie, or the
     * local user through the localhost bypass when that is allowed. No header can choose a user.
     *
     * @param context the request
     * @return the user, or empty when the caller is not logged in
     */
    Optional<User> userFor(apiary.core.api.route.CallContext context);
}
