package apiary.core.sessions.internal.install;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.model.KnownModelDTO;
import apiary.core.api.model.ModelDownloadRequest;
import apiary.core.api.model.ModelDownloads;
import apiary.core.api.settings.ServerSettings;

/**
 * One run of the first-run setup, SwarmUI's steps with one difference in order: model downloads, the only step
 * likely to fail, come first, so a failed download leaves the server exactly as it was and the setup can simply be
 * run again. Then the user defaults, the backend and last the "installed" mark; if anything fails before that mark
 * is written (the client leaving included), the backend just added is removed again.
 */
final class Installer {
    private static final System.Logger LOG = System.getLogger(Installer.class.getName());
    static final String COMFY_TYPE = "comfyui_selfstart";

    private final InstallOutput out;
    private final ServerSettings settings;
    private final BackendRegistry backends;
    private final ModelDownloads downloads;
    private final String version;
    private final int port;

    /**
     * @param backends the backend registry, or {@code null} when core.backends is not running
     * @param downloads model downloads, or {@code null} when core.models is not running
     */
    Installer(InstallOutput out, ServerSettings settings, BackendRegistry backends, ModelDownloads downloads,
            String version, int port) {
        this.out = out;
        this.settings = settings;
        this.backends = backends;
        this.downloads = downloads;
        this.version = version;
        this.port = port;
    }

    void run(InstallChoices choices) {
        if (choices.comfy() && backends == null) {
            throw new InstallFailure("Backends are not available on this server, so no ComfyUI backend can be added.");
        }
        if (!choices.models().isEmpty() && downloads == null) {
            throw new InstallFailure("Model downloads are not available on this server; choose no models.");
        }
        out.totalSteps(4 + choices.models().size() + (choices.comfy() ? 1 : 0));
        out.stepDone();
        for (KnownModelDTO model : choices.models()) {
            download(model);
            out.stepDone();
        }
        applyUserDefaults(choices);
        out.stepDone();
        BackendDTO added = null;
        try {
            if (choices.comfy()) {
                out.info("Enabling ComfyUI...");
                Map<String, Object> comfy = comfySettings(choices.amd());
                added = backends.add(COMFY_TYPE, "", comfy);
                out.info(added.typeAvailable ? "Added backend #" + added.id + " (ComfyUI Self-Starting)."
                        : "Added backend #" + added.id + " (ComfyUI Self-Starting). Its driver is not installed yet; the "
                                + "backend will start once it is, with ComfyUI expected at '" + comfy.get("StartScript") + "'.");
                out.stepDone();
            } else {
                out.info("Not installing any backend.");
            }
            if (choices.shortcut()) {
                makeShortcut();
            }
            markInstalled();
        } catch (RuntimeException e) {
            // Not marked installed (or the client left first): take the backend back, so a rerun does not add a second.
            if (added != null) {
                backends.remove(added.id);
            }
            throw e;
        }
        out.stepDone();
        out.info("Installed!");
    }

    private void download(KnownModelDTO model) {
        Path target = downloads.target(model.subtype, model.file);
        if (Files.exists(target)) {
            out.info("Model '" + model.name + "' is already present, skipping its download.");
            return;
        }
        out.info("Downloading model from '" + model.url + "'... please wait...");
        try {
            downloads.download(ModelDownloadRequest.of(URI.create(model.url), model.subtype, model.file).withSha256(model.sha256),
                    out::progress);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "[Installer] Download of " + model.url + " failed", e);
            throw new InstallFailure("Failed to download model '" + model.id + "' from '" + model.url + "': "
                    + describe(e) + ". Nothing was changed; check this machine's internet access, or choose no models "
                    + "and download them later.");
        }
        out.progress(0, 0, 0);
        out.info("Model download complete.");
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof UnknownHostException) {
            return "the host " + m + " could not be found (no internet access?)";
        }
        return m == null || m.isBlank() ? kind : kind + ": " + m;
    }

    private void applyUserDefaults(InstallChoices c) {
        out.info("Setting theme to " + c.theme() + ".");
        out.info("Setting language to " + c.language() + ".");
        if ("just_self".equals(c.installedFor())) {
            out.info("Configuring settings as 'just yourself' install.");
        } else {
            out.info("Configuring settings as 'just yourself (LAN)' install. Start Apiary with '--host 0.0.0.0' to "
                    + "accept connections from other machines on your network.");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(InstallChoices.THEME_SETTING, c.theme());
        changes.put(InstallChoices.LANGUAGE_SETTING, c.language());
        if ("webinstall".equals(InstallSettings.valueOrNull(settings, "launchmode"))) {
            changes.put("launchmode", "web");
        }
        change(changes);
    }

    /** SwarmUI's installer settings for the self-starting ComfyUI it sets up. */
    private static Map<String, Object> comfySettings(boolean amd) {
        boolean windows = isWindows();
        Map<String, Object> comfy = new LinkedHashMap<>();
        comfy.put("StartScript", windows ? "dlbackend/comfy/ComfyUI/main.py" : "dlbackend/ComfyUI/main.py");
        comfy.put("ExtraArgs", windows && amd ? "--directml" : "");
        comfy.put("GPU_ID", "0");
        comfy.put("EnablePreviews", !(windows && amd));
        return comfy;
    }

    private void makeShortcut() {
        if (!isWindows()) {
            out.info("Desktop shortcuts are only made on Windows; skipped.");
            return;
        }
        Path link = Path.of(System.getProperty("user.home"), "Desktop", "Apiary.url");
        try {
            Files.writeString(link, "[InternetShortcut]\r\nURL=http://localhost:" + port + "/\r\n", StandardCharsets.UTF_8);
            out.info("Made a desktop shortcut.");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "[Installer] Could not write " + link, e);
            out.info("Could not make a desktop shortcut (" + e.getMessage() + "); continuing.");
        }
    }

    private void markInstalled() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(InstallSettings.IS_INSTALLED, true);
        changes.put(InstallSettings.INSTALL_DATE, LocalDate.now().toString());
        changes.put(InstallSettings.INSTALL_VERSION, version);
        change(changes);
    }

    private void change(Map<String, Object> changes) {
        try {
            settings.change(changes);
        } catch (IllegalArgumentException e) {
            throw new InstallFailure(e.getMessage());
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
