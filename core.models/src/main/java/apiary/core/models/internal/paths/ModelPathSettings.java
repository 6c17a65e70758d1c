package apiary.core.models.internal.paths;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/**
 * The model-related leaves of SwarmUI's {@code paths.*} and {@code metadata.*} server settings, with SwarmUI's ids
 * and defaults. Other bundles contribute the rest of those groups (output paths, image metadata); groups merge.
 */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=300")
public final class ModelPathSettings implements ServerSettingsContributor {
    /** Dotted id of the model roots. */
    public static final String MODEL_ROOT = "paths.modelroot";
    /** Dotted id of the root downloads go to. */
    public static final String DOWNLOAD_ROOT_ID = "paths.downloadtorootid";
    /** Dotted id of the wildcard folder. */
    public static final String WILDCARDS_FOLDER = "paths.wildcardsfolder";
    /** Dotted id of the largest accepted model download. */
    public static final String MAX_DOWNLOAD_MB = "paths.modeldownloadmaxmegabytes";
    /** Dotted id of "rename and delete all copies of a model". */
    public static final String EDIT_ALL_DUPS = "paths.editmetadataacrossalldups";
    /** Dotted id of "SDXL base models are 1.0". */
    public static final String XL_DEFAULT_AS_XL1 = "metadata.xldefaultasxl1";
    /** Dotted id of "edits go to a .swarm.json sidecar". */
    public static final String EDIT_WRITES_JSON = "metadata.editmetadatawritejson";
    /** Dotted id of the hosts ForwardMetadataRequest may call. */
    public static final String FORWARD_HOSTS = "metadata.forwardmetadatahosts";
    /** Dotted id of background hashing. */
    public static final String HASH_IN_BACKGROUND = "metadata.hashmodelsinbackground";
    /** Dotted id of the largest safetensors header read. */
    public static final String MAX_HEADER_MB = "metadata.maxheadermegabytes";

    /** Leaves by dotted id, so that readers use exactly these definitions. */
    static final List<SettingDef> PATHS = List.of(
            SettingDef.text("ModelRoot", "Models",
                    "Root folder of all model files. Relative paths start at the folder the server was started in.\n"
                            + "Several roots may be given separated by ';': their models are merged."),
            SettingDef.integer("DownloadToRootID", 0,
                    "Which of the ';'-separated model roots downloads go to (0 is the first)."),
            SettingDef.text("SDModelFolder", "Stable-Diffusion",
                    "Folder (within each model root) of main models. ';'-separated lists are allowed.\n"
                            + "'tensorrt', 'diffusion_models' and 'unet' are always read too."),
            SettingDef.text("SDLoraFolder", "Lora", "Folder of LoRA models. ';'-separated lists are allowed."),
            SettingDef.text("SDVAEFolder", "VAE", "Folder of VAE models. ';'-separated lists are allowed."),
            SettingDef.text("SDEmbeddingFolder", "Embeddings", "Folder of embeddings. ';'-separated lists are allowed."),
            SettingDef.text("SDControlNetsFolder", "controlnet;model_patches",
                    "Folder of ControlNet models. ';'-separated lists are allowed."),
            SettingDef.text("SDClipFolder", "text_encoders;clip",
                    "Folder of text encoder (CLIP, T5...) models. ';'-separated lists are allowed."),
            SettingDef.text("SDClipVisionFolder", "clip_vision", "Folder of CLIP Vision models. ';'-separated lists are allowed."),
            SettingDef.text("WildcardsFolder", "Wildcards",
                    "Folder of wildcard files (.txt). Relative paths start at the server's data folder."),
            SettingDef.integer("ModelDownloadMaxMegabytes", 64 * 1024,
                    "The largest model file DoModelDownloadWS accepts, in megabytes; a bigger download is aborted."),
            SettingDef.bool("EditMetadataAcrossAllDups", true,
                    "If true, renaming or deleting a model that exists under several model roots does it to every copy."));

    /**
     * Leaves of {@code metadata.*} that core.admin contributes; read here by the same definitions, never contributed
     * twice.
     */
    static final List<SettingDef> ADMIN_METADATA = List.of(
            SettingDef.bool("XLDefaultAsXL1", false, "Treat SDXL models without an explicit class as SDXL 1.0 rather than SDXL 0.9."),
            SettingDef.bool("EditMetadataWriteJSON", false, "When model metadata is edited, also write a .swarm.json file beside the model."));

    static final List<SettingDef> METADATA = List.of(
            SettingDef.list("ForwardMetadataHosts", List.of("civitai.com"),
                    "Hosts that ForwardMetadataRequest may fetch from (exact host names, over https).\nAnything else "
                            + "is refused, so the route cannot be used to reach this server's network."),
            SettingDef.bool("HashModelsInBackground", true,
                    "If true, the SHA-256 of every model is computed in the background after a scan and cached."),
            SettingDef.integer("MaxHeaderMegabytes", 100,
                    "The largest safetensors header (metadata) read from a model file, in megabytes. Files with a "
                            + "larger header are listed with an error."));

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Paths", "Settings related to file paths.", PATHS),
                SettingDef.group("Metadata", "Settings related to model and image metadata.", METADATA));
    }
}
