package apiary.core.api.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The model files on this server, by subtype, from SwarmUI's model folders ({@code paths.modelroot} and the
 * per-subtype folder settings), with their metadata. Listing is served from memory; the files are scanned in the
 * background and on {@link #refresh()}.
 */
@ProviderType
public interface ModelLibrary {
    /** The subtype of main models. */
    String STABLE_DIFFUSION = "Stable-Diffusion";

    /** @return the known subtypes: {@code Stable-Diffusion}, {@code VAE}, {@code LoRA}, {@code Embedding}, {@code ControlNet}, {@code Clip}, {@code ClipVision} */
    List<String> subtypes();

    /**
     * @param subtype a subtype
     * @return the folders models of that subtype are read from, in order (existing or not); empty for an unknown subtype
     */
    List<Path> folders(String subtype);

    /**
     * @param subtype a subtype
     * @return every local model of that subtype, ordered by name
     */
    List<ModelDTO> models(String subtype);

    /**
     * @param subtype a subtype
     * @param name a model name, with or without {@code .safetensors}
     * @return that model
     */
    Optional<ModelDTO> find(String subtype, String name);

    /**
     * @param subtype a subtype
     * @param name a model name
     * @return the model's file on disk
     */
    Optional<Path> file(String subtype, String name);

    /** @return the known model classes */
    List<ModelClassDTO> modelClasses();

    /** @return the known compatibility classes */
    List<CompatClassDTO> compatClasses();

    /** Rescans the model folders now; returns when the listing is current. */
    void refresh();
}
