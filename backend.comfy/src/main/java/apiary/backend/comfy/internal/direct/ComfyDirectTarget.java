package apiary.backend.comfy.internal.direct;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import apiary.backend.comfy.internal.ComfyDriver;
import apiary.core.api.session.User;
import apiary.core.api.web.ProxyTarget;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /ComfyBackendDirect/...}: relays to the first running ComfyUI backend, or to backend N for
 * {@code /ComfyBackendDirect/backend-N/...}, for users holding {@code comfy_direct_calls} (SwarmUI's route and
 * permission).
 */
@Component(property = {ProxyTarget.PREFIX + "=/ComfyBackendDirect/", ProxyTarget.PERMISSION + "=" + ComfyPermissions.DIRECT_CALLS})
public final class ComfyDirectTarget implements ProxyTarget {
    private final ComfyDriver driver;

    /** @param driver the shared driver state */
    @Activate
    public ComfyDirectTarget(@Reference ComfyDriver driver) {
        this.driver = driver;
    }

    @Override
    public Optional<URI> target(String path, Map<String, String> query, User user, boolean webSocket) {
        int id = -1;
        String rest = path;
        if (path.startsWith("backend-")) {
            int slash = path.indexOf('/');
            try {
                id = Integer.parseInt(path.substring(8, slash < 0 ? path.length() : slash));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            rest = slash < 0 ? "" : path.substring(slash + 1);
        }
        String suffix = rest;
        String q = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return driver.services().base(id).map(base -> {
            String b = base.toString();
            if (webSocket) {
                b = b.replaceFirst("^http", "ws");
            }
            return URI.create(b + "/" + suffix + q);
        });
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
