package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.model.ModelDTO;
import apiary.core.api.model.ModelLibrary;
import apiary.core.api.model.WildcardLibrary;
import apiary.core.api.session.User;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The models a request may name, by subtype: the files of the model library (when core.models runs) plus the models
 * running backends report (remote-only and test backends have no files here). Also the backend type and id lists of
 * the internal parameters. Every source is optional and may come and go.
 */
@Component(service = ModelCatalog.class)
public final class ModelCatalog {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelLibrary library;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WildcardLibrary wildcards;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendRegistry backends;

    /** For tests and the component runtime. */
    public ModelCatalog() {
    }

    /**
     * @param library the model library, or null
     * @param wildcards the wildcard library, or null
     * @param backends the backend registry, or null
     * @return a catalog over fixed sources (unit tests)
     */
    public static ModelCatalog of(ModelLibrary library, WildcardLibrary wildcards, BackendRegistry backends) {
        ModelCatalog c = new ModelCatalog();
        c.library = library;
        c.wildcards = wildcards;
        c.backends = backends;
        return c;
    }

    /**
     * @param subtype a model subtype
     * @return name (with extension) to model class id (or null), sorted by name; local files first win
     */
    public Map<String, String> models(String subtype) {
        Map<String, String> out = new TreeMap<>();
        ModelLibrary lib = library;
        if (lib != null) {
            for (ModelDTO m : lib.models(subtype)) {
                out.put(m.name, m.modelClass);
            }
        }
        BackendRegistry reg = backends;
        if (reg != null) {
            for (BackendDTO b : reg.backends()) {
                if (b.status == BackendStatus.RUNNING && b.models != null && b.models.get(subtype) != null) {
                    for (String name : b.models.get(subtype)) {
                        out.putIfAbsent(name, null);
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param subtype a model subtype
     * @param user the user, whose model access rules filter the list
     * @return the names the user may use, sorted
     */
    public List<String> names(String subtype, User user) {
        List<String> out = new ArrayList<>();
        for (String name : models(subtype).keySet()) {
            if (user == null || user.mayUseModel(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** @param subtype a subtype @return every name without {@code .safetensors}, sorted */
    public List<String> cleanNames(String subtype) {
        TreeSet<String> out = new TreeSet<>();
        models(subtype).keySet().forEach(n -> out.add(FuzzyMatch.cleanModelName(n)));
        return new ArrayList<>(out);
    }

    /** @param first an entry put first, e.g. {@code None} @param subtype a subtype @return the value list */
    public List<String> withFirst(String first, String subtype) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(cleanNames(subtype));
        return out;
    }

    /** @return {@code Any} and every installed backend type as {@code id///Name} */
    public List<String> backendTypeValues() {
        List<String> out = new ArrayList<>(List.of("Any"));
        BackendRegistry reg = backends;
        if (reg != null) {
            for (BackendTypeInfo t : reg.types()) {
                out.add(t.id() + "///" + t.name());
            }
        }
        return out;
    }

    /** @return every configured backend id as text, {@code 0} when there is none */
    public List<String> backendIdValues() {
        List<String> out = new ArrayList<>();
        BackendRegistry reg = backends;
        if (reg != null) {
            reg.backends().forEach(b -> out.add(Integer.toString(b.id)));
        }
        return out.isEmpty() ? List.of("0") : out;
    }

    /**
     * @param user the caller
     * @return ListT2IParams' {@code models}: subtype to {@code [name, class]} pairs the user may use
     */
    public Map<String, List<List<String>>> listing(User user) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        for (String subtype : subtypes()) {
            List<List<String>> entries = new ArrayList<>();
            models(subtype).forEach((name, cls) -> {
                if (user == null || user.mayUseModel(name)) {
                    List<String> pair = new ArrayList<>(2);
                    pair.add(name);
                    pair.add(cls);
                    entries.add(pair);
                }
            });
            out.put(subtype, entries);
        }
        return out;
    }

    /** @return the library's subtypes, or SwarmUI's seven when no library runs */
    public List<String> subtypes() {
        ModelLibrary lib = library;
        return lib != null ? lib.subtypes()
                : List.of("Stable-Diffusion", "VAE", "LoRA", "Embedding", "ControlNet", "Clip", "ClipVision");
    }

    /** @return the model library, or null */
    public ModelLibrary library() {
        return library;
    }

    /** @return the wildcard names, empty without a wildcard library */
    public List<String> wildcardNames() {
        WildcardLibrary w = wildcards;
        return w == null ? List.of() : w.names();
    }

    /**
     * @param prompt a prompt
     * @param seed the wildcard seed
     * @param byIndex whether the seed is an index into each choice list (SwarmUI's {@code Index} behaviour)
     * @return the prompt with its wildcard and random tags filled, or null without a wildcard library
     */
    public apiary.core.api.model.FilledPrompt fillWildcards(String prompt, long seed, boolean byIndex) {
        WildcardLibrary w = wildcards;
        return w == null ? null : byIndex ? w.fillByIndex(prompt, seed) : w.fill(prompt, seed);
    }
}
