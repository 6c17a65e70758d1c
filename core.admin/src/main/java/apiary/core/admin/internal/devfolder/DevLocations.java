package apiary.core.admin.internal.devfolder;

import java.net.URI;
import java.nio.file.Path;

/** FileInstall installs a jar with its file URI as the bundle location; this tells which locations are in a folder. */
final class DevLocations {
    private DevLocations() {
    }

    /** @return the file a location names, or {@code null} when it is not a file location */
    static Path file(String location) {
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(location)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            return Path.of(location.substring("file:".length())).toAbsolutePath().normalize();
        }
    }

    /** @return whether the location names a file directly inside the folder */
    static boolean inside(String location, Path folder) {
        Path f = file(location);
        return f != null && folder.equals(f.getParent());
    }
}
