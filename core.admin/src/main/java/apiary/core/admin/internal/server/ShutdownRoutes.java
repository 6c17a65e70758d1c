package apiary.core.admin.internal.server;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import apiary.core.admin.internal.AdminArea;
import apiary.core.admin.internal.Replies;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.api.session.SessionService;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * ShutdownServer: answers, then cancels every session's running work and stops the framework; bundles deactivate
 * in order (the database closes last) and the launcher ends the process with exit code 0.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class ShutdownRoutes implements RouteProvider {
    /** Time given to the answer to reach the client before the server starts going away, as SwarmUI. */
    static final long ANSWER_GRACE_MILLIS = 500;
    private static final System.Logger LOG = System.getLogger(ShutdownRoutes.class.getName());

    private final BundleContext context;
    private final SessionService sessions;

    /**
     * @param context this bundle's context, to reach the system bundle
     * @param sessions the live sessions, whose work is interrupted
     */
    @Activate
    public ShutdownRoutes(BundleContext context, @Reference SessionService sessions) {
        this.context = context;
        this.sessions = sessions;
    }

    /**
     * @param session the caller
     * @return success, before the server is gone
     */
    @Route(permission = CorePermissions.SHUTDOWN, userUpdate = true,
            description = "Shuts the server down. Returns success before the server is gone.", returns = "\"success\": true")
    public Map<String, Object> ShutdownServer(Session session) {
        LOG.log(System.Logger.Level.INFO, "Shutdown requested by user ''{0}''", session.user().id());
        Bundle system = context.getBundle(0);
        Thread stopper = new Thread(() -> stop(system), "apiary-shutdown-request");
        stopper.setDaemon(false);
        stopper.start();
        return Replies.success();
    }

    private void stop(Bundle system) {
        try {
            TimeUnit.MILLISECONDS.sleep(ANSWER_GRACE_MILLIS);
            for (Session s : sessions.sessions()) {
                s.interrupt();
            }
            system.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BundleException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Shutdown failed", e);
        }
    }
}
