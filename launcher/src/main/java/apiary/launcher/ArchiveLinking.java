package apiary.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Links, at the end of the training run, every bundle class the run loaded. Java 17's dynamic class-data archive
 * leaves out classes that were loaded but never linked ("Skipping ...: Not linked"): about half of the bundle classes
 * a start loads, whose parsing and verification every later start then paid again. Asking a class for its declared
 * methods makes the JVM link it. The run's class-load log names each class and the bundle location it came from.
 */
final class ArchiveLinking {
    /** System property: the {@code -Xlog:class+load} file of the training run. */
    static final String CLASS_LOG_PROPERTY = "apiary.training.classLog";
    private static final Logger LOG = Logger.getLogger(ArchiveLinking.class.getName());
    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source: (" + Pattern.quote(DistributionSync.LOCATION_PREFIX) + "\\S+)");

    private ArchiveLinking() {
    }

    static void linkLoadedClasses(BundleContext context) throws IOException {
        String log = System.getProperty(CLASS_LOG_PROPERTY);
        if (log == null) {
            return;
        }
        List<String> lines = Files.readAllLines(Path.of(log));
        int linked = 0;
        for (String line : lines) {
            Matcher m = LOADED.matcher(line);
            if (!m.find()) {
                continue;
            }
            Bundle bundle = context.getBundle(m.group(2));
            if (bundle == null) {
                continue;
            }
            try {
                bundle.loadClass(m.group(1)).getDeclaredMethods();
                linked++;
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // A class that cannot link stays out of the archive, as before.
            }
        }
        LOG.fine("Linked " + linked + " bundle classes for the class-data archive");
    }
}
