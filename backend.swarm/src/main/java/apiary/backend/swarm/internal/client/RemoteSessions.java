package apiary.backend.swarm.internal.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our sessions on one remote server: one for the backend itself (discovery, model lists, model loads) and one per
 * local user that generates there. SwarmUI uses one remote session for everyone, so an interrupt by one user stops
 * every job the front end has on that remote; with a session per user, {@code InterruptAll} on a remote session
 * stops only that user's work. A session the remote no longer knows ({@code invalid_session_id}, e.g. after it
 * restarted) is replaced and the call made once more.
 */
public final class RemoteSessions {
    /** The key of the backend's own session. */
    public static final String SERVICE = "";

    private final RemoteHttp http;
    private final String localServerId;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private volatile String remoteServerId;
    private volatile String remoteVersion;

    /**
     * @param http the remote
     * @param localServerId this server's {@code server_id}, to refuse a connection to itself
     */
    public RemoteSessions(RemoteHttp http, String localServerId) {
        this.http = http;
        this.localServerId = localServerId;
    }

    /** @return the remote's {@code version} as its last {@code GetNewSession} said, or {@code null} */
    public String remoteVersion() {
        return remoteVersion;
    }

    /**
     * @param key {@link #SERVICE} or a local user id
     * @return that key's session on the remote, opened now when there is none
     * @throws RemoteException when no session can be opened, or the remote is this server
     */
    public String session(String key) throws RemoteException {
        String id = sessions.get(key);
        return id != null ? id : open(key, null);
    }

    /**
     * Calls a route with a key's session, renewing the session once when the remote no longer knows it.
     *
     * @param key {@link #SERVICE} or a local user id
     * @param route the route
     * @param body the body without {@code session_id}
     * @param limit how long the call may take
     * @return the answer
     * @throws RemoteException as {@link RemoteHttp#post} does
     */
    public Map<String, Object> call(String key, String route, Map<String, Object> body, Duration limit) throws RemoteException {
        String id = session(key);
        try {
            return http.post(route, with(body, id), limit);
        } catch (RemoteException e) {
            if (e.kind() != RemoteException.Kind.INVALID_SESSION) {
                throw e;
            }
            return http.post(route, with(body, open(key, id)), limit);
        }
    }

    /**
     * Replaces a session the remote refused (e.g. on a WebSocket, where the caller saw the refusal itself).
     *
     * @param key the key
     * @param stale the session that was refused
     * @return the new session
     * @throws RemoteException when none can be opened
     */
    public String renew(String key, String stale) throws RemoteException {
        return open(key, stale);
    }

    /** Forgets every session (the remote restarted or went away). */
    public void forgetAll() {
        sessions.clear();
    }

    private synchronized String open(String key, String stale) throws RemoteException {
        String current = sessions.get(key);
        if (current != null && !current.equals(stale)) {
            return current; // another thread renewed it meanwhile
        }
        Map<String, Object> answer;
        try {
            answer = http.post("GetNewSession", new LinkedHashMap<>());
        } catch (RemoteException e) {
            if (e.kind() != RemoteException.Kind.API_ERROR) {
                throw e;
            }
            throw new RemoteException(RemoteException.Kind.REFUSED, "The remote server at " + http.base()
                    + " refused to open a session: " + e.getMessage() + " (if it requires a login, send its "
                    + "swarm_token cookie in OtherHeaders)", e);
        }
        Object id = answer.get("session_id");
        if (!(id instanceof String) || ((String) id).isBlank()) {
            throw new RemoteException(RemoteException.Kind.GARBAGE, "The remote server at " + http.base()
                    + " answered GetNewSession without a session_id");
        }
        Object server = answer.get("server_id");
        if (server != null && server.toString().equals(localServerId)) {
            throw new RemoteException(RemoteException.Kind.REFUSED, "Refusing to connect to " + http.base()
                    + ": that address is this server itself (same server_id), which would loop requests back to it.");
        }
        remoteServerId = server == null ? null : server.toString();
        remoteVersion = answer.get("version") == null ? null : answer.get("version").toString();
        sessions.put(key, (String) id);
        return (String) id;
    }

    /** @return the remote's {@code server_id}, or {@code null} before the first session */
    public String remoteServerId() {
        return remoteServerId;
    }

    private static Map<String, Object> with(Map<String, Object> body, String session) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put("session_id", session);
        return out;
    }
}
