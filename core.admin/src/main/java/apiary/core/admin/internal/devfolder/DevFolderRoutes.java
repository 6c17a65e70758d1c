package apiary.core.admin.internal.devfolder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import apiary.core.admin.internal.AdminArea;
import apiary.core.admin.internal.extensions.BundleStates;
import apiary.core.admin.internal.extensions.ComponentProblems;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** Apiary's own: the development folder's jars, the bundle each became, and why it does not work. */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.APIARY_NAME, description = AdminArea.APIARY_DESCRIPTION)
public final class DevFolderRoutes implements RouteProvider {
    private final DevFolder folder;
    private final DevFailures failures;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime scr;

    /**
     * @param folder the development folder
     * @param failures what FileInstall reported
     */
    @Activate
    public DevFolderRoutes(@Reference DevFolder folder, @Reference DevFailures failures) {
        this.folder = folder;
        this.failures = failures;
    }

    /** @return the folder's state and one row per jar */
    @Route(permission = CorePermissions.MANAGE_EXTENSIONS,
            description = "Lists the development folder (server setting extensions.developmentfolder): whether it is on and "
                    + "watched, where it is, and for each jar there the bundle it became, its state and, unless it works, why.",
            returns = "\"enabled\": true, \"watching\": true, \"folder\": \"/data/dev-extensions\", \"files\": [ { \"file\": "
                    + "\"ext.mine-1.0.0.jar\", \"symbolic_name\": \"ext.mine\", \"version\": \"1.0.0\", \"state\": \"active\", "
                    + "\"last_modified\": 1764583200000, \"reason\": null } ]")
    public Map<String, Object> ListDevExtensions() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Path> dir = folder.folder();
        out.put("enabled", folder.enabled());
        out.put("watching", folder.watching());
        out.put("folder", dir.map(Path::toString).orElse(null));
        Map<Path, Bundle> bundles = new TreeMap<>();
        for (Bundle b : folder.bundles()) {
            bundles.put(DevLocations.file(b.getLocation()), b);
        }
        List<Path> files = new ArrayList<>(bundles.keySet());
        if (dir.isPresent() && Files.isDirectory(dir.get())) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.get(), "*.jar")) {
                ds.forEach(p -> {
                    if (!bundles.containsKey(p.toAbsolutePath().normalize())) {
                        files.add(p.toAbsolutePath().normalize());
                    }
                });
            }
        }
        files.sort(null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path f : files) {
            rows.add(row(f, bundles.get(f)));
        }
        out.put("files", rows);
        return out;
    }

    private Map<String, Object> row(Path file, Bundle b) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", file.getFileName().toString());
        row.put("symbolic_name", b == null ? null : b.getSymbolicName());
        row.put("version", b == null ? null : b.getVersion().toString());
        row.put("state", b == null ? "not installed" : BundleStates.name(b.getState()));
        row.put("last_modified", b == null ? null : b.getLastModified());
        row.put("reason", reason(file, b));
        return row;
    }

    private String reason(Path file, Bundle b) {
        String reported = failures.reason(file);
        if (b == null) {
            return reported != null ? reported : folder.watching() ? "not installed yet" : "the folder is not watched";
        }
        switch (b.getState()) {
            case Bundle.INSTALLED:
                return reported != null ? reported : "the bundle could not be resolved";
            case Bundle.RESOLVED:
                return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null ? null
                        : reported != null ? reported : "the bundle did not start";
            case Bundle.ACTIVE:
                return ComponentProblems.describe(scr, b);
            default:
                return null;
        }
    }
}
