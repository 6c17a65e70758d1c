package apiary.web.ui.internal.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The UI's files ({@code web/} inside this bundle) unpacked once into the bundle's data area, so that the server can
 * stream them as real files: with {@code ETag}, {@code Last-Modified}, {@code 304} and {@code Range} like any
 * {@link apiary.core.api.web.WebFile#ofFile file answer}. A new bundle revision unpacks into a new folder.
 */
@Component(service = AssetFolder.class)
public final class AssetFolder {
    static final String ROOT = "web";

    private final Path root;

    /** @param context this bundle's context */
    @Activate
    public AssetFolder(BundleContext context) {
        Bundle bundle = context.getBundle();
        Path base = context.getDataFile("assets").toPath();
        this.root = base.resolve(Long.toString(bundle.getLastModified()));
        if (!Files.isDirectory(root)) {
            // Unpacked beside, then moved into place: a crash halfway never leaves a folder that looks complete.
            Path partial = base.resolve(root.getFileName() + ".partial-" + System.nanoTime());
            unpack(bundle, partial, FileTime.fromMillis(bundle.getLastModified()));
            try {
                Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot move the UI files into " + root, e);
            }
        }
    }

    /** For tests: files already on disk. */
    AssetFolder(Path root) {
        this.root = root;
    }

    private static void unpack(Bundle bundle, Path target, FileTime modified) {
        Enumeration<URL> entries = bundle.findEntries(ROOT, "*", true);
        for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String name = entry.getPath().replaceFirst("^/?" + ROOT + "/", "");
            if (name.isEmpty() || name.endsWith("/")) {
                continue;
            }
            Path file = target.resolve(name).normalize();
            try (InputStream in = entry.openStream()) {
                Files.createDirectories(file.getParent());
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                // The bundle's time, not the unpacking time: ETag and Last-Modified stay the same across restarts.
                Files.setLastModifiedTime(file, modified);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot unpack the UI file " + name, e);
            }
        }
    }

    /**
     * @param relative a path below the asset root, e.g. {@code css/site.css}; anything escaping the root is refused
     * @return the regular file, if there is one
     */
    public Optional<Path> find(String relative) {
        if (relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.contains("\\")) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /**
     * @param relative a path below the asset root
     * @return the file's text (UTF-8)
     */
    public String text(String relative) {
        Path file = find(relative).orElseThrow(() -> new IllegalStateException("No UI file " + relative));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
