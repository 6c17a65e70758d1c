package apiary.core.models.internal.wildcards;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.model.FilledPrompt;
import apiary.core.api.model.WildcardLibrary;
import apiary.core.api.settings.ServerSettingsListener;
import apiary.core.models.internal.paths.ModelSettings;
import apiary.core.models.internal.scan.FolderScanner;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The wildcard files under {@code paths.wildcardsfolder} (default {@code Data/Wildcards}): names listed from a scan,
 * contents read on first use and again whenever the file changes.
 */
@Component(service = {WildcardLibrary.class, WildcardStore.class, ServerSettingsListener.class})
public final class WildcardStore implements WildcardLibrary, ServerSettingsListener {
    private static final System.Logger LOG = System.getLogger(WildcardStore.class.getName());
    private static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    private final ModelSettings settings;
    private final PromptFiller filler = new PromptFiller(this::names, this::read);
    private final Map<String, Wildcard> loaded = new ConcurrentHashMap<>();
    private volatile TreeMap<String, String> namesByLower;

    /** @param settings where the folder is */
    @Activate
    public WildcardStore(@Reference ModelSettings settings) {
        this.settings = settings;
    }

    /** @return the folder */
    public Path folder() {
        return settings.wildcardFolder();
    }

    /** Lists the files again. */
    public synchronized void refresh() {
        TreeMap<String, String> names = new TreeMap<>();
        Path folder = folder();
        new FolderScanner(n -> n.endsWith(".txt")).scan(List.of(folder)).keySet().forEach(n -> {
            String name = n.substring(0, n.length() - 4);
            names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        });
        namesByLower = names;
        loaded.keySet().retainAll(names.keySet());
    }

    private TreeMap<String, String> index() {
        TreeMap<String, String> n = namesByLower;
        if (n == null) {
            refresh();
            n = namesByLower;
        }
        return n;
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(index().values());
    }

    /**
     * @param name a wildcard name, any case
     * @return the wildcard's current contents
     */
    public Optional<Wildcard> read(String name) {
        String exact = name == null ? null : index().get(name.toLowerCase(Locale.ROOT));
        if (exact == null) {
            return Optional.empty();
        }
        Path file = folder().resolve(exact + ".txt");
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Wildcard cached = loaded.get(exact.toLowerCase(Locale.ROOT));
            if (cached != null && cached.modified() == a.lastModifiedTime().toMillis()) {
                return Optional.of(cached);
            }
            if (a.size() > MAX_FILE_BYTES) {
                LOG.log(Level.WARNING, "Wildcard file {0} is larger than 32 MB; ignored", file);
                return Optional.empty();
            }
            Wildcard w = Wildcard.parse(exact, new String(Files.readAllBytes(file), StandardCharsets.UTF_8),
                    a.lastModifiedTime().toMillis(), a.creationTime().toMillis());
            loaded.put(exact.toLowerCase(Locale.ROOT), w);
            return Optional.of(w);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Wildcard {0} cannot be read: {1}", file, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<List<String>> options(String name) {
        return read(name).map(Wildcard::options);
    }

    @Override
    public void settingsChanged(List<String> changedPaths) {
        if (changedPaths.contains(apiary.core.models.internal.paths.ModelPathSettings.WILDCARDS_FOLDER)) {
            refresh();
        }
    }

    @Override
    public FilledPrompt fill(String prompt, long seed) {
        return filler.fill(prompt == null ? "" : prompt, seed);
    }

    @Override
    public FilledPrompt fillByIndex(String prompt, long index) {
        return filler.fillByIndex(prompt == null ? "" : prompt, index);
    }
}
