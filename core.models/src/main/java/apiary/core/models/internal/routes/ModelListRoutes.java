package apiary.core.models.internal.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.json.Json;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.models.internal.library.ListedJson;
import apiary.core.models.internal.library.ModelIndex;
import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.library.ModelNetObjects;
import apiary.core.models.internal.library.ModelRecord;
import apiary.core.models.internal.library.Previews;
import apiary.core.models.internal.meta.ModelClassTable;
import apiary.core.models.internal.util.Timing;
import apiary.core.models.internal.wildcards.Wildcard;
import apiary.core.models.internal.wildcards.WildcardStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** ListModels, DescribeModel and ListLoadedModels: answered from the in-memory index once the pending scan is done. */
@Component(service = RouteProvider.class)
@RouteArea(value = "ModelsAPI", description = "API routes related to handling models (including loras, wildcards, etc).")
public final class ModelListRoutes implements RouteProvider {
    private final ModelLibraryService library;
    private final WildcardStore wildcards;
    private final Previews previews;
    private final ListedJson listed;
    private final Runnable fill;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendRegistry backends;

    /**
     * @param library the models
     * @param wildcards the wildcards
     * @param json JSON, for previews stored in headers
     */
    @Activate
    public ModelListRoutes(@Reference ModelLibraryService library, @Reference WildcardStore wildcards, @Reference Json json) {
        this.library = library;
        this.wildcards = wildcards;
        this.previews = new Previews(json, library.settings().maxHeaderBytes());
        this.listed = library.listedJson();
        this.fill = () -> listed.fill(library.index(), library.classTable(), library.subtypes());
        library.afterEachScan(fill);
    }

    @Deactivate
    void stop() {
        library.removeAfterEachScan(fill);
    }

    /** @return the answer, once the pending scan is done */
    @Route(permission = CorePermissions.FUNDAMENTAL_MODEL_ACCESS,
            description = "Returns a list of models available on the server within a given folder, with their metadata.",
            returns = "\"folders\": [\"folder1\", \"folder2\"],\n\"files\": [ { \"name\": \"namehere\", ... see DescribeModel } ]")
    public CompletionStage<Map<String, Object>> ListModels(Session session,
            @Param(description = "What folder path to search within. Use empty string for root.") String path,
            @Param(description = "Maximum depth (number of recursive folders) to search.") int depth,
            @Param(description = "Model sub-type - `LoRA`, `Wildcards`, etc.", defaultValue = "Stable-Diffusion") String subtype,
            @Param(description = "What to sort the list by - `Name`, `DateCreated`, or `DateModified.", defaultValue = "Name") String sortBy,
            @Param(description = "If true, allow remote models. If false, only local models.", defaultValue = "True") boolean allowRemote,
            @Param(description = "If true, the sorting should be done in reverse.", defaultValue = "False") boolean sortReverse,
            @Param(description = "If true, provide model images in raw data format. If false, use URLs.", defaultValue = "False") boolean dataImages) {
        ModelListing.order(sortBy);
        ModelAccess.checkSubtype(subtype, true);
        Timing waited = Timing.start("ListModels waiting for the library");
        return library.ready().thenApply(done -> {
            Timing.done(waited, "");
            Timing timed = Timing.start("ListModels " + subtype + " '" + path + "' depth " + depth);
            ModelListing listing = new ModelListing(path, depth, session.user()::mayUseModel);
            if (ModelAccess.WILDCARDS.equals(subtype)) {
                listWildcards(listing, dataImages);
            } else {
                listModels(listing, subtype, allowRemote, dataImages);
            }
            Map<String, Object> answer = listing.result(sortBy, sortReverse);
            Timing.done(timed, "");
            library.listingAnswered();
            return answer;
        });
    }

    private void listModels(ModelListing listing, String subtype, boolean allowRemote, boolean dataImages) {
        ModelIndex index = library.index();
        ModelClassTable classes = library.classTable();
        BackendModels onBackends = new BackendModels(backends);
        for (ModelRecord r : index.models(subtype, listing.prefix())) {
            if (listing.matches(r.name())) {
                boolean loaded = onBackends.loaded(r.name());
                // The usual object is written once and reused; loaded models and inline images are made each time.
                Object net = loaded || dataImages
                        ? ModelNetObjects.of(r.toDto(classes, preview(r, subtype, dataImages)), classes, loaded)
                        : listed.get(r, classes);
                listing.add(new ModelListing.Entry(r.name(), r.metadata().title(), r.created(), r.modified(), net));
            }
        }
        if (allowRemote) {
            for (String name : onBackends.reported(subtype)) {
                if (index.find(subtype, name).isEmpty() && listing.matches(name)) {
                    listing.add(new ModelListing.Entry(name, name, Long.MAX_VALUE, Long.MAX_VALUE,
                            ModelNetObjects.remote(name, onBackends.loaded(name), classes)));
                }
            }
        }
    }

    private void listWildcards(ModelListing listing, boolean dataImages) {
        for (String name : wildcards.names()) {
            if (listing.matches(name)) {
                Optional<Wildcard> w = wildcards.read(name);
                w.ifPresent(card -> listing.add(new ModelListing.Entry(card.name(), card.name(), card.created(), card.modified(),
                        ModelNetObjects.wildcard(card, wildcardImage(card, dataImages)))));
            }
        }
    }

    private String preview(ModelRecord r, String subtype, boolean dataImages) {
        if (r.metadata().preview() == null) {
            return null;
        }
        if (!dataImages) {
            return Previews.url(subtype, r.name());
        }
        return previews.load(r).map(Previews.Image::dataUrl).orElse(null);
    }

    private String wildcardImage(Wildcard w, boolean dataImages) {
        java.nio.file.Path jpg = wildcards.folder().resolve(w.name() + ".jpg");
        if (!java.nio.file.Files.isRegularFile(jpg)) {
            return null;
        }
        if (!dataImages) {
            return Previews.url(ModelAccess.WILDCARDS, w.name());
        }
        try {
            return new Previews.Image(java.nio.file.Files.readAllBytes(jpg), "image/jpeg").dataUrl();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** @return {@code {"model": ...}}, the wildcard object for {@code Wildcards}, or an error */
    @Route(permission = CorePermissions.FUNDAMENTAL_MODEL_ACCESS, description = "Returns a full description for a single model.",
            returns = "\"model\": { \"name\": \"namehere\", \"title\": \"titlehere\", \"author\": \"authorhere\", ... \"local\": true }")
    public CompletionStage<Map<String, Object>> DescribeModel(Session session,
            @Param(description = "Full filepath name of the model being requested.") String modelName,
            @Param(description = "What model sub-type to use, can be eg `LoRA` or `Wildcards` or etc.", defaultValue = "Stable-Diffusion") String subtype) {
        ModelAccess.checkSubtype(subtype, true);
        String name = ModelAccess.clean(modelName);
        return library.ready().thenApply(done -> describe(session, subtype, name));
    }

    private Map<String, Object> describe(Session session, String subtype, String name) {
        if (!session.user().mayUseModel(name)) {
            throw new ApiError(ModelAccess.NOT_FOUND);
        }
        if (ModelAccess.WILDCARDS.equals(subtype)) {
            return wildcards.read(name).map(w -> ModelNetObjects.wildcard(w, wildcardImage(w, true)))
                    .orElseThrow(() -> new ApiError(ModelAccess.NOT_FOUND));
        }
        ModelClassTable classes = library.classTable();
        if ("Stable-Diffusion".equals(subtype) && "(none)".equalsIgnoreCase(name)) {
            return Map.of("model", ModelNetObjects.none(classes));
        }
        BackendModels onBackends = new BackendModels(backends);
        Optional<ModelRecord> local = library.index().find(subtype, name);
        if (local.isPresent()) {
            ModelRecord r = local.get();
            return Map.of("model", ModelNetObjects.of(r.toDto(classes, preview(r, subtype, true)), classes, onBackends.loaded(r.name())));
        }
        for (String remote : List.of(name + ".safetensors", name)) {
            if (onBackends.reported(subtype).contains(remote)) {
                return Map.of("model", ModelNetObjects.remote(remote, onBackends.loaded(remote), classes));
            }
        }
        throw new ApiError(ModelAccess.NOT_FOUND);
    }

    /** @return the main models some backend has loaded */
    @Route(permission = CorePermissions.FUNDAMENTAL_MODEL_ACCESS,
            description = "Returns a list of currently loaded Stable-Diffusion models (ie at least one backend has it loaded).",
            returns = "\"models\": [ { \"name\": \"namehere\", ... see DescribeModel } ]")
    public CompletionStage<Map<String, Object>> ListLoadedModels(Session session) {
        return library.ready().thenApply(done -> {
            ModelClassTable classes = library.classTable();
            BackendModels onBackends = new BackendModels(backends);
            List<Map<String, Object>> out = new ArrayList<>();
            for (ModelRecord r : library.index().models("Stable-Diffusion")) {
                if (onBackends.loaded(r.name()) && session.user().mayUseModel(r.name())) {
                    out.add(ModelNetObjects.of(r.toDto(classes, preview(r, "Stable-Diffusion", true)), classes, true));
                }
            }
            return Map.of("models", out);
        });
    }
}
