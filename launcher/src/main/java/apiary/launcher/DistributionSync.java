package apiary.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Keeps the framework's distribution bundles in step with the {@code bundles/} folder of the distribution. The
 * framework storage lives in the data folder and persists, so bundles installed at runtime (extensions) survive a
 * restart; only bundles this class installed (location {@code apiary-dist:<bsn>}) are touched here, and only when
 * their jar in the distribution changed since the last start. A core bundle updated at runtime from the extension
 * repository therefore stays updated until the distribution itself is rebuilt.
 */
final class DistributionSync {
    static final String LOCATION_PREFIX = "apiary-dist:";
    /** State key prefix of a jar file's stamp and symbolic name; bundle entries are keyed by symbolic name alone. */
    private static final String FILE_PREFIX = "file:";
    private static final Logger LOG = Logger.getLogger(DistributionSync.class.getName());

    private final Path bundlesDir;
    private final Path stateFile;

    DistributionSync(Path bundlesDir, Path stateFile) {
        this.bundlesDir = bundlesDir;
        this.stateFile = stateFile;
    }

    /**
     * Installs, updates and uninstalls distribution bundles in an initialised (not yet started) framework.
     *
     * @return the distribution bundles, for starting
     */
    List<Bundle> sync(BundleContext context) throws IOException, BundleException, InterruptedException {
        Properties state = load();
        Properties next = new Properties();
        List<Bundle> bundles = new ArrayList<>();
        boolean changed = false;
        Map<String, Path> jars = jarsBySymbolicName(state, next);
        for (Map.Entry<String, Path> e : jars.entrySet()) {
            String bsn = e.getKey();
            Path jar = e.getValue();
            String stamp = stamp(jar);
            String previous = state.getProperty(bsn, "");
            String sha = previous.startsWith(stamp + ":") ? previous.substring(stamp.length() + 1) : sha256(jar);
            next.setProperty(bsn, stamp + ":" + sha);
            Bundle bundle = context.getBundle(LOCATION_PREFIX + bsn);
            if (bundle == null) {
                try (InputStream in = Files.newInputStream(jar)) {
                    bundle = context.installBundle(LOCATION_PREFIX + bsn, in);
                }
                changed = true;
            } else if (!previous.endsWith(":" + sha)) {
                LOG.info("Updating " + bsn + " from the distribution");
                try (InputStream in = Files.newInputStream(jar)) {
                    bundle.update(in);
                }
                changed = true;
            }
            bundles.add(bundle);
        }
        for (Bundle b : context.getBundles()) {
            String location = b.getLocation();
            if (location.startsWith(LOCATION_PREFIX) && !jars.containsKey(location.substring(LOCATION_PREFIX.length()))) {
                LOG.info("Removing " + b.getSymbolicName() + ", no longer in the distribution");
                b.uninstall();
                changed = true;
            }
        }
        if (changed) {
            refresh(context);
        }
        save(next);
        return bundles;
    }

    /**
     * The distribution's jars by symbolic name. A jar's name is read from its manifest only when the jar is new or
     * changed since the last start (the state remembers it under {@value #FILE_PREFIX}{@code <file name>}): opening
     * the 20-odd jars took about 0.1 s of every start.
     */
    private Map<String, Path> jarsBySymbolicName(Properties state, Properties next) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(bundlesDir, "*.jar")) {
            for (Path jar : dir) {
                String key = FILE_PREFIX + jar.getFileName();
                String stamp = stamp(jar);
                String known = state.getProperty(key, "");
                String bsn = known.startsWith(stamp + ":") ? known.substring(stamp.length() + 1) : symbolicName(jar);
                if (bsn != null) {
                    out.put(bsn, jar);
                    next.setProperty(key, stamp + ":" + bsn);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("No bundles found in " + bundlesDir);
        }
        return out;
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            String bsn = jf.getManifest() == null ? null
                    : jf.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return bsn == null ? null : bsn.split(";")[0].trim();
        }
    }

    private static String stamp(Path jar) throws IOException {
        return Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
    }

    private static void refresh(BundleContext context) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
    }

    private Properties load() throws IOException {
        Properties p = new Properties();
        if (Files.exists(stateFile)) {
            try (InputStream in = Files.newInputStream(stateFile)) {
                p.load(in);
            }
        }
        return p;
    }

    private void save(Properties p) throws IOException {
        Files.createDirectories(stateFile.getParent());
        try (OutputStream out = Files.newOutputStream(stateFile)) {
            p.store(out, "Distribution bundles as last installed: size:mtime:sha256 by symbolic name, size:mtime:name by file");
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[65536];
                for (int n; (n = in.read(buf)) > 0;) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
