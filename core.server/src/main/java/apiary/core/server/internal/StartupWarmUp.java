package apiary.core.server.internal;

import apiary.core.server.internal.json.JsonCodec;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Loads and initialises the classes of Jackson and Jetty on a thread of its own as soon as the bundle starts, while
 * the start-level thread opens the database: both libraries take a few hundred milliseconds to initialise, and the
 * server's first answer waits for all three. The objects built here are thrown away; nothing is started or bound.
 */
public final class StartupWarmUp implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Thread t = new Thread(StartupWarmUp::warmUp, "apiary-startup-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop(BundleContext context) {
        // Nothing kept: the thread ends by itself.
    }

    private static void warmUp() {
        try {
            Server server = new Server(new QueuedThreadPool());
            new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration()));
            JsonCodec.warmUp();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: whatever is not loaded here is loaded when the server needs it.
        }
    }
}
