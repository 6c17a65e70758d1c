package apiary.core.sessions.internal.install;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.model.KnownModelDTO;
import apiary.core.api.model.ModelDownloads;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.settings.ServerSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code InstallConfirmWS}: the first-run setup, allowed once, one at a time, with the {@code install} permission. */
@Component(service = RouteProvider.class)
@RouteArea(value = "BasicAPIFeatures", description = "Basic general API routes, primarily for users and session handling.")
public final class InstallRoutes implements RouteProvider {
    static final String ALREADY_INSTALLED = "Server is already installed!";
    static final String IN_PROGRESS = "An installation is already in progress.";

    private final ServerSettings settings;
    private final ServerInfo server;
    private final AtomicBoolean running = new AtomicBoolean();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendRegistry backends;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelDownloads downloads;

    /**
     * @param settings the server settings, which hold the "installed" mark and the user defaults
     * @param server facts about the server (version, port)
     */
    @Activate
    public InstallRoutes(@Reference ServerSettings settings, @Reference ServerInfo server) {
        this.settings = settings;
        this.server = server;
    }

    /**
     * @param socket the open socket
     * @return the final {@code {"success": true}} frame
     */
    @Route(permission = CorePermissions.INSTALL, description = "Websocket route for the initial installation from the UI.",
            returns = "// ... (do not automate calls to this)", userUpdate = true)
    public Map<String, Object> InstallConfirmWS(WebSocketChannel socket,
            @Param(description = "Selected user theme.") String theme,
            @Param(description = "Selected install_for (network mode choice) value.") String installed_for,
            @Param(description = "Selected backend (comfy/none).") String backend,
            @Param(description = "Selected models to predownload.") String models,
            @Param(description = "If true, install with AMD GPU compatibility.") boolean install_amd,
            @Param(description = "Selected user language.") String language,
            @Param(description = "If true, make a Desktop shortcut.", defaultValue = "False") boolean make_shortcut) {
        if (settings.getBoolean(InstallSettings.IS_INSTALLED)) {
            throw new ApiError(ALREADY_INSTALLED);
        }
        if (!running.compareAndSet(false, true)) {
            throw new ApiError(IN_PROGRESS);
        }
        InstallOutput out = new InstallOutput(socket);
        try {
            if (settings.getBoolean(InstallSettings.IS_INSTALLED)) {
                throw new ApiError(ALREADY_INSTALLED);
            }
            out.info("Installation request received, processing...");
            ModelDownloads modelDownloads = downloads;
            InstallChoices choices = InstallChoices.check(theme, installed_for, backend, models, install_amd, language,
                    make_shortcut, settings.definitions(), id -> known(modelDownloads, id));
            new Installer(out, settings, backends, modelDownloads, server.version(), server.port()).run(choices);
            return Map.of("success", true);
        } catch (InstallFailure e) {
            out.info("Error: " + e.getMessage());
            throw new ApiError(e.getMessage());
        } finally {
            running.set(false);
        }
    }

    private static Optional<KnownModelDTO> known(ModelDownloads modelDownloads, String id) {
        if (modelDownloads == null) {
            throw new InstallFailure("Model downloads are not available on this server; choose no models.");
        }
        return modelDownloads.knownModel(id);
    }
}
