package apiary.core.sessions.internal.install;

import java.net.URI;

/**
 * A model the installer can download (SwarmUI's {@code CommonModels}).
 *
 * @param id the id the installer is sent, e.g. {@code sdxl1}
 * @param name the display name
 * @param url where to download it (https)
 * @param sha256 the file's SHA-256, lowercase hex
 * @param folder the model subtype folder it belongs in, e.g. {@code Stable-Diffusion}
 * @param file its path inside that folder
 */
record KnownModel(String id, String name, URI url, String sha256, String folder, String file) {
}
