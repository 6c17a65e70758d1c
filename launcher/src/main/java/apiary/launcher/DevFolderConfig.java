package apiary.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * How Apache Felix FileInstall watches the development folder ({@code <data>/dev-extensions}). The launcher installs
 * FileInstall with the distribution but never starts it: core.admin starts it while the server setting
 * {@code extensions.developmentfolder} is on. These framework properties are what it reads when it starts; an
 * {@code apiary.properties} or {@code -D} value of the same name wins.
 */
final class DevFolderConfig {
    /** FileInstall's symbolic name. */
    static final String FILEINSTALL = "org.apache.felix.fileinstall";

    private DevFolderConfig() {
    }

    static void addTo(Map<String, Object> props, Path dataDir) {
        props.putIfAbsent("felix.fileinstall.dir", dataDir.resolve("dev-extensions").toString());
        // A rebuilt jar must be live within a second: poll five times a second, and scan at once when started.
        props.putIfAbsent("felix.fileinstall.poll", "200");
        props.putIfAbsent("felix.fileinstall.noInitialDelay", "true");
        props.putIfAbsent("felix.fileinstall.filter", ".*\\.jar");
        props.putIfAbsent("felix.fileinstall.tmpdir", dataDir.resolve("osgi").resolve("fileinstall-tmp").toString());
        // Info: "Started bundle", "Updating bundle" and failures reach the server log (and ListDevExtensions).
        props.putIfAbsent("felix.fileinstall.log.level", "3");
        props.putIfAbsent("felix.fileinstall.log.default", "jul");
    }
}
