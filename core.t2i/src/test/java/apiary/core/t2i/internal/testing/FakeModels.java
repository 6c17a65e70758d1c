package apiary.core.t2i.internal.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.model.CompatClassDTO;
import apiary.core.api.model.ModelClassDTO;
import apiary.core.api.model.ModelDTO;
import apiary.core.api.model.ModelLibrary;

/** A model library over fixed names, for unit tests. */
public final class FakeModels implements ModelLibrary {
    private final Map<String, List<ModelDTO>> bySubtype = new LinkedHashMap<>();

    public FakeModels add(String subtype, String name, String modelClass) {
        ModelDTO m = new ModelDTO();
        m.name = name;
        m.subtype = subtype;
        m.modelClass = modelClass;
        bySubtype.computeIfAbsent(subtype, k -> new ArrayList<>()).add(m);
        return this;
    }

    @Override public List<String> subtypes() { return List.of("Stable-Diffusion", "VAE", "LoRA", "Embedding", "ControlNet", "Clip", "ClipVision"); }
    @Override public List<Path> folders(String subtype) { return List.of(); }
    @Override public List<ModelDTO> models(String subtype) { return bySubtype.getOrDefault(subtype, List.of()); }
    @Override public Optional<ModelDTO> find(String subtype, String name) {
        return models(subtype).stream().filter(m -> m.name.equals(name) || m.name.equals(name + ".safetensors")).findFirst();
    }
    @Override public Optional<Path> file(String subtype, String name) { return Optional.empty(); }
    @Override public List<ModelClassDTO> modelClasses() { return List.of(); }
    @Override public List<CompatClassDTO> compatClasses() { return List.of(); }
    @Override public void refresh() { }
}
