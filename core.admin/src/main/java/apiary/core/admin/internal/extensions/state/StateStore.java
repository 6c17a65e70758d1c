package apiary.core.admin.internal.extensions.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the {@link ExtensionState} in {@code <data>/extensions/extensions.properties}, next to the framework
 * storage that holds the bundles themselves. Written to a temporary file and moved into place, so a crash leaves
 * either the old or the new state.
 */
public final class StateStore {
    private static final String EXTENSION = "extension.";
    private static final String USES = "uses.";
    private static final String ORDER = "order.";

    private final Path file;

    /** @param dataDir the server's data folder */
    public StateStore(Path dataDir) {
        this.file = dataDir.resolve("extensions").resolve("extensions.properties");
    }

    /** @return the stored state, empty when none was stored */
    public ExtensionState load() {
        if (!Files.exists(file)) {
            return ExtensionState.EMPTY;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<Integer, String> order = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(ORDER)) {
                order.put(Integer.parseInt(p.getProperty(key)), key.substring(ORDER.length()));
            }
        }
        Map<String, ExtensionState.Entry> extensions = new LinkedHashMap<>();
        for (String name : order.values()) {
            String location = p.getProperty(EXTENSION + name);
            if (location != null) {
                Set<String> uses = new LinkedHashSet<>();
                for (String u : p.getProperty(USES + name, "").split(",")) {
                    if (!u.isBlank()) {
                        uses.add(u.trim());
                    }
                }
                extensions.put(name, new ExtensionState.Entry(location, uses));
            }
        }
        return new ExtensionState(extensions);
    }

    /** @param state what to keep */
    public void save(ExtensionState state) {
        Properties p = new Properties();
        int i = 0;
        for (Map.Entry<String, ExtensionState.Entry> e : state.extensions().entrySet()) {
            p.setProperty(ORDER + e.getKey(), String.valueOf(i++));
            p.setProperty(EXTENSION + e.getKey(), e.getValue().location);
            p.setProperty(USES + e.getKey(), String.join(",", e.getValue().uses));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Extensions an admin installed: extension.<name> = main bundle location, "
                        + "uses.<name> = locations of its dependencies");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
