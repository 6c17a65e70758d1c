package apiary.core.models.internal.library;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import apiary.core.api.data.Database;
import apiary.core.api.json.Json;
import apiary.core.api.model.CompatClassDTO;
import apiary.core.api.model.ModelClassDTO;
import apiary.core.api.model.ModelDTO;
import apiary.core.api.model.ModelLibrary;
import apiary.core.api.settings.ServerSettingsListener;
import apiary.core.models.internal.meta.ClassDetector;
import apiary.core.models.internal.meta.MetadataExtractor;
import apiary.core.models.internal.meta.ModelClassTable;
import apiary.core.models.internal.paths.ModelFolders;
import apiary.core.models.internal.paths.ModelSettings;
import apiary.core.models.internal.util.Timing;
import apiary.core.models.internal.wildcards.WildcardStore;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The model library: an in-memory index of every model, rebuilt by scans on one background thread (at start, on
 * {@link #refresh()}, when a path setting changes), with metadata from the database cache for unchanged files.
 * Readers never block on a scan except to wait for the first one or for one they asked for.
 */
@Component(service = {ModelLibrary.class, ModelLibraryService.class, ServerSettingsListener.class}, immediate = true)
public final class ModelLibraryService implements ModelLibrary, ServerSettingsListener {
    private static final System.Logger LOG = System.getLogger(ModelLibraryService.class.getName());
    private static final long FIRST_SCAN_WAIT_SECONDS = 120;
    private static final long STOP_WAIT_SECONDS = 5;

    private final ModelSettings settings;
    private final Json json;
    private final CachedMetadata cache;
    private final ListingSnapshot snapshot;
    private final ListedJson listed;
    private final RestartCheck restartCheck = new RestartCheck();
    private final long activatedNanos = System.nanoTime();
    private final CompletionStage<Void> frameworkUp;
    private final ScanThread scans;
    private final HashWorker hasher;
    private volatile ModelIndex index = ModelIndex.EMPTY;
    private volatile ModelClassTable classes;
    private volatile CompletableFuture<Void> latest;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WildcardStore wildcards;

    /**
     * @param settings the path settings
     * @param database the metadata cache's database
     * @param json JSON for headers and the cache
     * @param context this bundle's context (to learn when the framework is up)
     */
    @Activate
    public ModelLibraryService(@Reference ModelSettings settings, @Reference Database database, @Reference Json json,
            BundleContext context) {
        this.frameworkUp = FrameworkUp.of(context);
        this.scans = new ScanThread(frameworkUp);
        this.settings = settings;
        this.json = json;
        this.cache = new CachedMetadata(new MetadataCache(database));
        this.snapshot = new ListingSnapshot(database);
        this.listed = new ListedJson(json);
        this.classes = new ModelClassTable(settings.xlDefaultAsXl1());
        this.hasher = new HashWorker(this);
        this.latest = scans.submit(this::start);
    }

    /** Lets the scan thread finish its queued writes (the cache, the stored listing) for a few seconds, then stops it. */
    @Deactivate
    void stop() throws InterruptedException {
        hasher.stop();
        scans.stop(STOP_WAIT_SECONDS);
    }

    /**
     * The first task: the stored listing of the same folders, when there is one, is the index at once (listings
     * wait for this task only), its models' listed JSON is taken back, and a full scan follows in the background, once
     * the framework is up and the first listing answered ({@link RestartCheck}), and applies what changed while the
     * server was down; without one, the first scan is the index. (Checking at once made the first listing after a
     * restart wait ~2 s: the check, the level-2 bundles and the listing shared 2 cores.)
     */
    private void start() {
        Map<String, List<Path>> folders = foldersBySubtype();
        Timing.note("library start task " + (System.nanoTime() - activatedNanos) / 1_000_000 + " ms after activation");
        ModelClassTable table = classes;
        Timing keyed = Timing.start("listed JSON key");
        String key = listed.key(table);
        Timing.done(keyed, "");
        Optional<ListingSnapshot.Loaded> cached = snapshot.load(folders.toString(), key, Previews.editId());
        if (cached.isEmpty()) {
            scan();
            return;
        }
        index = cached.get().index();
        listed.seed(cached.get().texts(), table);
        LOG.log(Level.INFO, "Model listing read from the database: {0} models, {1} ms after activation; checking the files "
                + "in the background", index.size(), (System.nanoTime() - activatedNanos) / 1_000_000);
        restartCheck.when(frameworkUp).thenRun(() -> {
            scans.scanned();
            scans.later(this::scan);
        });
    }

    /** Keeps the stored listing in step (after a scan, an edit, a pass of the hasher); it is written on the scan thread. */
    void storeListingLater() {
        snapshot.storeLater(scans, () -> index, () -> foldersBySubtype().toString(), () -> listed.texts(classes));
    }

    /** Says that a listing has been answered: the check of a stored listing after a restart may start. */
    public void listingAnswered() {
        restartCheck.listed();
    }

    /** @return each model's listed JSON, kept across listings (and restarts) */
    public ListedJson listedJson() {
        return listed;
    }

    private Map<String, List<Path>> foldersBySubtype() {
        ModelFolders folders = settings.folders();
        Map<String, List<Path>> bySubtype = new LinkedHashMap<>();
        for (String subtype : ModelFolders.subtypes()) {
            bySubtype.put(subtype, folders.folders(subtype));
        }
        return bySubtype;
    }

    /** @return completes when every scan asked for so far has finished */
    public CompletionStage<Void> ready() {
        return latest;
    }

    /** @return the current index (possibly before the first scan) */
    public ModelIndex index() {
        return index;
    }

    /** @return the class table */
    public ModelClassTable classTable() {
        return classes;
    }

    /** @return the settings */
    public ModelSettings settings() {
        return settings;
    }

    /** @return a new metadata reader with the current settings */
    public MetadataExtractor extractor() {
        return new MetadataExtractor(json, new ClassDetector(classes), settings.maxHeaderBytes());
    }

    /** @return a scan queued now; completes when the listing is current */
    public synchronized CompletableFuture<Void> rescan() {
        latest = scans.submit(this::scan);
        return latest;
    }

    /** Forgets every cached header ({@code WipeMetadata}) and reads all files again. @return the scan */
    public synchronized CompletableFuture<Void> wipeAndRescan() {
        latest = scans.submit(() -> {
            cache.wipe();
            scan();
        });
        return latest;
    }

    private void scan() {
        long start = System.nanoTime();
        try {
            if (classes.xlDefaultAsXl1() != settings.xlDefaultAsXl1()) {
                classes = new ModelClassTable(settings.xlDefaultAsXl1());
            }
            // At start-up the cache is read on another thread while this one walks the folders.
            CompletableFuture<Map<String, MetadataCache.Row>> rows = cache.load();
            Map<String, List<Path>> bySubtype = foldersBySubtype();
            long[] walked = new long[2];
            ModelScan.Result r = new ModelScan(extractor(), () -> {
                walked[0] = System.nanoTime();
                Map<String, MetadataCache.Row> known = cache.await(rows);
                walked[1] = System.nanoTime();
                return known;
            }).run(bySubtype);
            // Unchanged records stay the same objects, so what listings keep per record stays valid.
            ModelIndex fresh = r.index().keepingUnchanged(index);
            index = fresh;
            LOG.log(Level.INFO, "Model scan: {0} models, {1} read from their files, in {2} ms (walk {3} ms, then {4} ms "
                    + "waiting for the metadata cache)", r.index().size(), r.read(), (System.nanoTime() - start) / 1_000_000,
                    (walked[0] - start) / 1_000_000, (walked[1] - walked[0]) / 1_000_000);
            // Listing waits for this scan only; what follows runs as the next tasks on the same thread.
            scans.scanned();
            scans.later(() -> cache.persist(r));
            storeListingLater();
            if (settings.hashInBackground()) {
                hasher.wake();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Model scan failed", e);
        }
    }

    /**
     * Runs a task on the scan thread after each scan from now on (the listing does not wait for it), and once after
     * the scan under way, if any, or at once.
     *
     * @param task the task
     */
    public void afterEachScan(Runnable task) {
        scans.afterEachScan(task);
    }

    /** @param task a task given to {@link #afterEachScan}; it no longer runs after this */
    public void removeAfterEachScan(Runnable task) {
        scans.removeAfterEachScan(task);
    }

    /** Replaces one model's record (after an edit or a hash) in the index and the cache. */
    public synchronized void update(ModelRecord r) {
        if (index.find(r.subtype(), r.name()).isEmpty()) {
            return;
        }
        index = index.with(List.of(r));
        scans.later(() -> cache.store(List.of(r)));
        storeListingLater();
    }

    /**
     * Takes background hashes into the index and the cache in one go; a hash of a file that changed or went away
     * since it was read is dropped.
     *
     * @param hashed records as they were hashed, each carrying its new hash
     */
    synchronized void hashed(List<ModelRecord> hashed) {
        List<ModelRecord> current = new ArrayList<>();
        for (ModelRecord h : hashed) {
            index.find(h.subtype(), h.name())
                    .filter(c -> c.path().equals(h.path()) && c.size() == h.size() && c.modified() == h.modified())
                    .ifPresent(c -> current.add(c.withMetadata(c.metadata().withHash(h.metadata().hash()))));
        }
        if (!current.isEmpty()) {
            index = index.with(current);
            scans.later(() -> cache.store(current));
        }
    }

    /** Drops a model from the index (it was deleted or renamed); the next scan cleans the cache. */
    public synchronized void forget(String subtype, String name) {
        index = index.without(subtype, name);
        storeListingLater();
    }

    /**
     * Computes (or returns the known) hash of a model and stores it.
     *
     * @param r the model
     * @return its hash
     * @throws IOException when the file cannot be read
     */
    public String hash(ModelRecord r) throws IOException {
        if (r.metadata().hash() != null) {
            return r.metadata().hash();
        }
        String hash = TensorHash.of(r.path(), settings.maxHeaderBytes());
        index.find(r.subtype(), r.name()).ifPresent(current -> update(current.withMetadata(current.metadata().withHash(hash))));
        return hash;
    }

    @Override
    public void settingsChanged(List<String> changedPaths) {
        if (changedPaths.stream().anyMatch(p -> p.startsWith("paths.") || p.startsWith("metadata."))) {
            rescan();
        }
    }

    private ModelIndex awaitFirst() {
        try {
            latest.get(FIRST_SCAN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Model scan not finished: {0}", e.toString());
        }
        return index;
    }

    @Override
    public List<String> subtypes() {
        return ModelFolders.subtypes();
    }

    @Override
    public List<Path> folders(String subtype) {
        return settings.folders().folders(subtype);
    }

    @Override
    public List<ModelDTO> models(String subtype) {
        List<ModelDTO> out = new ArrayList<>();
        for (ModelRecord r : awaitFirst().models(subtype)) {
            out.add(r.toDto(classes, null));
        }
        return out;
    }

    @Override
    public Optional<ModelDTO> find(String subtype, String name) {
        return awaitFirst().find(subtype, name).map(r -> r.toDto(classes, null));
    }

    @Override
    public Optional<Path> file(String subtype, String name) {
        return awaitFirst().find(subtype, name).map(ModelRecord::path);
    }

    @Override
    public List<ModelClassDTO> modelClasses() {
        return ClassDtos.models(classes);
    }

    @Override
    public List<CompatClassDTO> compatClasses() {
        return ClassDtos.compat(classes);
    }

    /** Rescans the models and, when the wildcard store runs, the wildcard files ({@code TriggerRefresh}). */
    @Override
    public void refresh() {
        WildcardStore w = wildcards;
        if (w != null) {
            w.refresh();
        }
        rescan().join();
    }
}
