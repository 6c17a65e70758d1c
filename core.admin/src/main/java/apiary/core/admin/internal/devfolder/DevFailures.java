package apiary.core.admin.internal.devfolder;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Keeps what FileInstall last reported about each jar of the development folder ("Error while starting bundle:
 * file:..." with the resolver's explanation, "Failed to install artifact: ..."), read from the OSGi log, where
 * FileInstall writes; the server log shows the same lines.
 */
@Component(service = DevFailures.class)
public final class DevFailures implements LogListener {
    private final Map<Path, String> byFile = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReader(LogReaderService reader) {
        reader.addLogListener(this);
    }

    void removeReader(LogReaderService reader) {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        Bundle from = entry.getBundle();
        if (from == null || !DevFolder.FILEINSTALL.equals(from.getSymbolicName())) {
            return;
        }
        String message = entry.getMessage() == null ? "" : entry.getMessage();
        Path file = fileNamed(message);
        if (file == null) {
            return;
        }
        if (message.startsWith("Started bundle") || message.startsWith("Installing bundle")
                || message.startsWith("Updating bundle") || message.startsWith("Uninstalling bundle")) {
            byFile.remove(file);
        } else if (entry.getException() != null || message.startsWith("Failed") || message.startsWith("Error")) {
            Throwable e = entry.getException();
            byFile.put(file, e == null ? message : message + ": " + e.getMessage());
        }
    }

    /** @return what FileInstall last said went wrong with a jar, or {@code null} */
    String reason(Path file) {
        return byFile.get(file.toAbsolutePath().normalize());
    }

    void clear() {
        byFile.clear();
    }

    /** FileInstall names the artifact by its file URI or path somewhere in the message. */
    private static Path fileNamed(String message) {
        int i = message.indexOf("file:");
        if (i >= 0) {
            return DevLocations.file(message.substring(i).split("\\s")[0]);
        }
        int slash = message.indexOf(" /");
        return slash < 0 ? null : Path.of(message.substring(slash + 1).split("\\s")[0]).toAbsolutePath().normalize();
    }
}
