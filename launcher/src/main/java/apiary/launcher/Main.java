package apiary.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Starts Apiary: a Felix framework whose storage lives in the data folder, with the distribution's bundles.
 *
 * <p>Exit codes: 0 after a normal stop (Ctrl-C, SIGTERM, {@code ShutdownServer}); 1 when the server cannot start
 * or a Ctrl-C / SIGTERM stop did not finish within {@value SignalStop#LIMIT_PROPERTY} seconds (default 10);
 * 2 for bad arguments; whatever a bundle set in the system property {@value #EXIT_CODE_PROPERTY} before stopping the
 * framework, e.g. 42 to ask {@code ./apiary} for a rebuild and relaunch. A framework update (system bundle
 * {@code update()}) restarts the framework inside the process.
 */
public final class Main {
    /** System property a bundle may set before stopping the framework to choose the exit code. */
    public static final String EXIT_CODE_PROPERTY = "apiary.launcher.exitCode";

    static {
        // Before the first logger below: the log manager is chosen once, when logging is first used.
        ShutdownLogging.install();
    }

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    /**
     * @param args see {@link LaunchOptions#USAGE}
     */
    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        configureConsoleFormat();
        try {
            System.exit(run(options));
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Apiary could not start: " + e.getMessage(), e);
            System.exit(1);
        }
    }

    private static int run(LaunchOptions options) throws Exception {
        Path dataDir = options.dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        Path bundles = distributionDir().resolve("bundles");
        Map<String, Object> props = frameworkProperties(options, dataDir);
        // The extension repository shipped with the distribution: the default of the extensions.repositories setting.
        props.putIfAbsent("apiary.extensions.index", distributionDir().resolve("repository").resolve("index.xml").toUri().toString());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(felixProperties(props));
        framework.init();
        List<Bundle> dist = new DistributionSync(bundles, dataDir.resolve("osgi").resolve("apiary-dist.properties"))
                .sync(framework.getBundleContext());
        // Marked for starting before the framework starts, so that the framework itself starts them level by level
        // (a first start and a restart alike): what the first answer needs first, the rest while it is served.
        for (Bundle b : dist) {
            StartLevels.assign(b);
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && !DevFolderConfig.FILEINSTALL.equals(b.getSymbolicName())) {
                startQuietly(b);
            }
        }
        Thread stopper = new Thread(() -> stopOnSignal(framework), "apiary-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        framework.start();
        StartLevels.fallback(framework);
        if (options.trainClassArchive) {
            ArchiveTraining.run(framework.getBundleContext());
            framework.stop();
        }
        FrameworkEvent event = awaitStop(framework);
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            return 0; // Already shutting down (SIGTERM): the hook is stopping the framework.
        }
        if (event.getType() == FrameworkEvent.ERROR) {
            return 1;
        }
        String code = System.getProperty(EXIT_CODE_PROPERTY);
        return code == null ? 0 : Integer.parseInt(code);
    }

    /**
     * Waits until the framework stops for good. A system bundle update (STOPPED_UPDATE) is not the end: Felix then
     * restarts the same framework instance by itself, on the same storage, so wait for that restart and go on.
     */
    private static FrameworkEvent awaitStop(Framework framework) throws InterruptedException {
        FrameworkEvent event = framework.waitForStop(0);
        while (event.getType() == FrameworkEvent.STOPPED_UPDATE) {
            LOG.info("Restarting the framework");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (framework.getState() != Bundle.ACTIVE && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (framework.getState() != Bundle.ACTIVE) {
                LOG.severe("The framework did not come back after its restart");
                return new FrameworkEvent(FrameworkEvent.ERROR, framework, null);
            }
            event = framework.waitForStop(0);
        }
        return event;
    }

    private static void startQuietly(Bundle b) {
        try {
            b.start();
        } catch (BundleException e) {
            // A broken bundle must not keep the server from serving; it is reported and stays manageable.
            LOG.log(Level.SEVERE, "Bundle " + b.getSymbolicName() + " did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Ctrl-C / SIGTERM: stop the framework (bundles deactivate, the database closes), then end with 0 rather than
     * the JVM's 143, because this is the normal way to stop a server; with 1 when the stop did not finish within
     * {@link SignalStop#limit()}. Halting also ends the process when another shutdown hook would hang.
     */
    private static void stopOnSignal(Framework framework) {
        Runtime.getRuntime().halt(SignalStop.stop(framework, SignalStop.limit()));
    }

    static Map<String, Object> frameworkProperties(LaunchOptions options, Path dataDir) throws IOException {
        Map<String, Object> props = new HashMap<>();
        Path file = dataDir.resolve("apiary.properties");
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            p.forEach((k, v) -> props.put((String) k, v));
        }
        System.getProperties().forEach((k, v) -> {
            if (((String) k).startsWith("apiary.")) {
                props.put((String) k, v);
            }
        });
        props.put("apiary.host", options.host);
        props.put("apiary.port", String.valueOf(options.port));
        props.put("apiary.data.dir", dataDir.toString());
        if (options.lockSettings) {
            props.put("apiary.settings.locked", "true");
        }
        props.put(Constants.FRAMEWORK_STORAGE, dataDir.resolve("osgi").resolve("framework").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, "none");
        props.put("felix.log.logger", new FelixLogBridge());
        props.put("felix.log.level", "2");
        props.putIfAbsent("ds.loglevel", "warn");
        // Declarative Services keeps the parsed component descriptions in its bundle storage, so a restart does not
        // parse every bundle's component XML again.
        props.putIfAbsent("ds.cache.metadata", "true");
        DevFolderConfig.addTo(props, dataDir);
        StartLevels.addTo(props);
        return props;
    }

    /** Felix takes objects (the log bridge) in its String map; the OSGi signature cannot say so. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> felixProperties(Map<String, Object> props) {
        return (Map) props;
    }

    /** The distribution folder: the parent of the {@code lib} folder this jar sits in. */
    private static Path distributionDir() throws URISyntaxException {
        String override = System.getProperty("apiary.distribution");
        if (override != null) {
            return Path.of(override);
        }
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent();
    }

    private static void configureConsoleFormat() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tH:%1$tM:%1$tS.%1$tL [%4$s] %5$s%6$s%n");
        }
    }
}
