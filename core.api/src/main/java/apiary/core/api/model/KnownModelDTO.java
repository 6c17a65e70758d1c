package apiary.core.api.model;

/**
 * A model the first-run installer offers to download (SwarmUI's {@code CommonModels}), from the catalogue the models
 * bundle ships.
 */
public class KnownModelDTO {
    /** The id the installer is sent, e.g. {@code sdxl1}. */
    public String id;
    /** Display name. */
    public String name;
    /** One line about it. */
    public String description = "";
    /** Where to download it ({@code https}). */
    public String url;
    /** The file's SHA-256, 64 lowercase hex digits. */
    public String sha256;
    /** The model subtype it belongs to, e.g. {@code Stable-Diffusion}. */
    public String subtype;
    /** Its model name inside that subtype's folder, e.g. {@code OfficialStableDiffusion/sd_xl_base_1.0.safetensors}. */
    public String file;
}
