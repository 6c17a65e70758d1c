package apiary.core.admin.internal.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.admin.internal.Replies;
import apiary.core.admin.internal.Bodies;
import apiary.core.api.json.Json;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.server.ServerInfo;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The admin debug routes: API docs generated from the route registry, and the language-builder file. */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class DebugRoutes implements RouteProvider {
    /** Folder under the data folder that receives the generated docs. */
    static final String DOCS_FOLDER = "DebugNewAPIDocs";
    private static final System.Logger LOG = System.getLogger(DebugRoutes.class.getName());

    private final Path dataDir;
    private final LanguageBuilder languages;

    private final BundleContext context;

    /**
     * @param context this bundle's context, to read the route registry (see {@link RouteRuntimes})
     * @param server the data folder
     * @param json JSON for the language file
     */
    @Activate
    public DebugRoutes(BundleContext context, @Reference ServerInfo server, @Reference Json json) {
        this.context = context;
        this.dataDir = server.dataDir();
        this.languages = new LanguageBuilder(server.dataDir(), json);
    }

    /** @return success once every area's page is written */
    @Route(permission = CorePermissions.ADMIN_DEBUG, nonFinal = true, userUpdate = true,
            description = "(Internal/Debug route), generates API docs.", returns = "\"success\": true")
    public Map<String, Object> DebugGenDocs() throws IOException {
        Path folder = dataDir.resolve(DOCS_FOLDER);
        Files.createDirectories(folder);
        Map<String, String> pages = ApiDocs.render(RouteRuntimes.snapshot(context).routes);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(folder.resolve(fileName(page.getKey())), page.getValue(), StandardCharsets.UTF_8);
        }
        LOG.log(System.Logger.Level.INFO, "API docs for {0} areas written to {1}", pages.size(), folder);
        return Replies.success();
    }

    /**
     * @param raw the body, {@code "set": ["word", ...]}
     * @return success
     */
    @Route(permission = CorePermissions.ADMIN_DEBUG, nonFinal = true, userUpdate = true,
            description = "(Internal/Debug route), adds language data to the language file builder.", returns = "\"success\": true")
    public Map<String, Object> DebugLanguageAdd(@Param(description = "\"set\": [ \"word\", ... ]") Map<String, Object> raw) {
        try {
            languages.add(Bodies.list(raw, "set"));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Cannot update " + languages.file(), e);
            throw new ApiError("The language builder file could not be updated.");
        }
        return Replies.success();
    }

    /** Area names come from bundles' annotations: keep them to safe file-name characters. */
    static String fileName(String area) {
        String safe = area.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^\\.+", "_");
        return (safe.isEmpty() ? "_" : safe) + ".md";
    }

}
