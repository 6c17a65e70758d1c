package apiary.core.sessions.internal.account;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import apiary.core.api.json.Json;
import apiary.core.api.session.Session;
import apiary.core.api.session.SessionService;
import apiary.core.api.session.User;
import apiary.core.api.user.UserDirectory;
import apiary.core.sessions.internal.auth.ClientAddress;
import apiary.core.sessions.internal.auth.LoginTokens;
import apiary.core.sessions.internal.auth.PasswordHasher;
import apiary.core.sessions.internal.db.H2Compaction;
import apiary.core.sessions.internal.db.SessionsDatabase;
import apiary.core.sessions.internal.role.RoleStoreImpl;
import apiary.core.sessions.internal.session.SessionImpl;
import apiary.core.sessions.internal.session.SessionRegistry;
import apiary.core.sessions.internal.settings.AuthSettings;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Users, sessions and login tokens together, because their life cycles are tied: deleting a user, logging out or
 * changing a password ends every session and every login token of that user. Published as the core.api
 * {@link UserDirectory} (and, through {@link SessionServiceImpl}, {@link SessionService}); the routes of this bundle
 * use the internal operations too.
 *
 * <p>Sessions live {@value #IDLE_PROPERTY} seconds without use (framework property; default 31 days). In
 * login-required mode a session that did not come from a login is only kept while the localhost bypass would still
 * grant it, so turning the mode on (or the bypass off) ends the sessions it no longer allows.
 */
@Component(service = {UserDirectory.class, Accounts.class}, immediate = true)
public final class Accounts implements UserDirectory {
    /** Framework property: session idle timeout in seconds. */
    public static final String IDLE_PROPERTY = "apiary.sessions.idleTimeoutSeconds";
    private static final long DEFAULT_IDLE_SECONDS = 31L * 24 * 3600;
    /** Framework property: sessions one user may have (default {@value SessionRegistry#MAX_PER_USER}). */
    public static final String MAX_PER_USER_PROPERTY = "apiary.sessions.maxPerUser";
    /** Framework property: sessions the server keeps in all (default {@value SessionRegistry#MAX_TOTAL}). */
    public static final String MAX_TOTAL_PROPERTY = "apiary.sessions.maxTotal";
    /** How often, at most, the database file is compacted when sessions ended. */
    private static final long COMPACT_PERIOD_MILLIS = 60_000;
    /** The longest one compaction may hold the database (H2's own at close: 200 ms). */
    private static final int COMPACT_MAX_MILLIS = 500;
    /** Longest user id the tables hold. */
    private static final int MAX_ID_LENGTH = 256;
    private static final System.Logger LOG = System.getLogger(Accounts.class.getName());

    private final AuthSettings auth;
    private final UserRepository users;
    private final SessionRegistry sessions;
    private final LoginTokens tokens;
    private final PasswordHasher hasher = new PasswordHasher();
    private final ScheduledExecutorService sweeper;
    private final H2Compaction compaction;

    /**
     * @param context for the idle-timeout property
     * @param database the account tables
     * @param roles the role store
     * @param auth the auth settings
     * @param json JSON for stored settings
     */
    @Activate
    public Accounts(BundleContext context, @Reference SessionsDatabase database, @Reference RoleStoreImpl roles,
            @Reference AuthSettings auth, @Reference Json json) {
        this.auth = auth;
        this.users = new UserRepository(database.sql(), json, roles, auth);
        this.tokens = new LoginTokens(database.sql(), System::currentTimeMillis);
        long idleMillis = number(context, IDLE_PROPERTY, DEFAULT_IDLE_SECONDS) * 1000;
        this.sessions = new SessionRegistry(database.sql(), users::find, idleMillis, System::currentTimeMillis,
                (int) Math.min(Integer.MAX_VALUE, number(context, MAX_PER_USER_PROPERTY, SessionRegistry.MAX_PER_USER)),
                (int) Math.min(Integer.MAX_VALUE, number(context, MAX_TOTAL_PROPERTY, SessionRegistry.MAX_TOTAL)));
        this.compaction = database.compaction().orElse(null);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apiary-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1000, Math.min(3_600_000, idleMillis / 2));
        sweeper.scheduleWithFixedDelay(this::sweep, Math.min(10_000, period), period, TimeUnit.MILLISECONDS);
        long compactPeriod = Math.min(period, COMPACT_PERIOD_MILLIS);
        sweeper.scheduleWithFixedDelay(this::compact, compactPeriod, compactPeriod, TimeUnit.MILLISECONDS);
    }

    /** @return the framework property as a whole number of at least 1, or the fallback when unset or not a number */
    private static long number(BundleContext context, String name, long fallback) {
        String property = context.getProperty(name);
        if (property == null || property.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(1, Long.parseLong(property.trim()));
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "Ignoring {0}={1}: not a whole number", name, property);
            return fallback;
        }
    }

    /**
     * Gives the database file back the space of ended sessions (sessions are the rows created and deleted most
     * often: one per client that never keeps its session id).
     */
    private void compact() {
        long ended = sessions.takeEnded();
        if (ended > 0 && compaction != null) {
            long t0 = System.nanoTime();
            if (compaction.compact(COMPACT_MAX_MILLIS)) {
                LOG.log(Level.DEBUG, "Compacted the database after {0} session(s) ended, in {1} ms", ended,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    @Deactivate
    void stop() {
        sweeper.shutdownNow();
    }

    private void sweep() {
        try {
            sessions.sweep();
            sessions.forgetTokens(tokens.purgeExpired());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring old sessions failed; will retry", e);
        }
    }

    // --- sessions

    /** @return the live session, if the id is known, unexpired and still allowed by the auth settings */
    public Optional<SessionImpl> findSession(String sessionId) {
        return sessions.find(sessionId, this::stillAllowed);
    }

    /**
     * Ends every session that did not come from a login, except loopback ones while the localhost bypass is on: those
     * callers would get the same local user again at once, so ending them would only break their clients.
     *
     * @return how many were ended
     */
    public int endSessionsNotFromLogin() {
        return sessions.endWithoutToken(auth.allowLocalhostBypass() ? ClientAddress.loopbackOrigins() : Set.of());
    }

    /** @return the sessions held in memory */
    public Collection<SessionImpl> liveSessions() {
        return sessions.live();
    }

    private boolean stillAllowed(SessionImpl s) {
        return s.originToken() != null || !auth.authorizationRequired()
                || (auth.allowLocalhostBypass() && ClientAddress.isLoopbackOrigin(s.originAddress()));
    }

    // --- UserDirectory

    @Override
    public List<String> userIds() {
        return users.ids().stream().filter(id -> !id.startsWith("__")).toList();
    }

    @Override
    public Optional<User> find(String userId) {
        return users.find(userId).map(u -> u);
    }

    @Override
    public User create(String userId, String password, List<String> roles, boolean passwordSetByAdmin) {
        if (userId == null || userId.isBlank() || userId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("A user id must be 1 to " + MAX_ID_LENGTH + " characters long");
        }
        String hash = password == null || password.isEmpty() ? "" : hasher.hash(PasswordHasher.normalize(password));
        return users.create(userId, hash, roles, passwordSetByAdmin);
    }

    @Override
    public boolean delete(String userId) {
        endEverything(userId);
        return users.delete(userId);
    }

    @Override
    public void setPassword(String userId, String password, boolean setByAdmin) {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("A password must not be blank");
        }
        requireUser(userId);
        users.setPasswordHash(userId, hasher.hash(PasswordHasher.normalize(password)), setByAdmin);
        endEverything(userId);
    }

    @Override
    public boolean passwordSetByAdmin(String userId) {
        return users.passwordSetByAdmin(userId);
    }

    @Override
    public Map<String, Object> settingsTree(String userId, boolean includeRestricted) {
        return users.settingsTree(requireUser(userId), includeRestricted);
    }

    @Override
    public void changeSettings(String userId, Map<String, Object> changes, boolean allowRestricted) {
        users.changeSettings(requireUser(userId), changes, allowRestricted);
    }

    @Override
    public void interruptAll(String userId) {
        sessions.ofUser(userId).forEach(Session::interrupt);
    }

    // --- for this bundle's routes

    /** @return the user of local mode (and of the localhost bypass) */
    public UserImpl localUser() {
        return users.local();
    }

    /** @return a new session for a user, remembering the login token it came from (or null) */
    public SessionImpl newSession(UserImpl user, String originAddress, String tokenId) {
        return sessions.create(user, originAddress, tokenId);
    }

    /** @return the in-memory sessions of a user */
    public List<SessionImpl> sessionsOf(String userId) {
        return sessions.ofUser(userId);
    }

    /** @return the login token store */
    public LoginTokens tokens() {
        return tokens;
    }

    /** @return the loaded user, if it exists */
    public Optional<UserImpl> user(String userId) {
        return users.find(userId);
    }

    /** @return whether the user has a password at all */
    public boolean hasPassword(String userId) {
        return !users.passwordHash(userId).isEmpty();
    }

    /**
     * Checks a password in constant time; an unknown user costs the same time as a known one.
     *
     * @param password the client's value as sent
     */
    public boolean checkPassword(String userId, String password) {
        return hasher.verify(PasswordHasher.normalize(password), users.passwordHash(userId));
    }

    /** Sets the user's own new password (not chosen by an admin) and ends all of its sessions and tokens. */
    public void changeOwnPassword(String userId, String password) {
        setPassword(userId, password, false);
    }

    /** Ends every session and deletes every login token of a user. */
    public void endEverything(String userId) {
        tokens.deleteAllOf(userId);
        sessions.endAllOf(userId);
    }

    /** @return the user's settings in node form, as the user sees them (restricted settings left out) */
    public Map<String, Object> ownSettingsTree(UserImpl user) {
        return users.settingsTree(user, false);
    }

    /** Applies a user's own settings changes; restricted ones are skipped. */
    public void changeOwnSettings(UserImpl user, Map<String, Object> changes) {
        users.changeSettings(user, changes, false);
    }

    private UserImpl requireUser(String userId) {
        return users.find(userId).orElseThrow(() -> new IllegalArgumentException("No user by that name exists."));
    }
}
