package apiary.core.server.internal.settings;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code network.*} settings the core enforces: request size, CORS and the network authorization gate. (The
 * listen address and port are the launcher's {@code --host}/{@code --port}: they must be known before any setting
 * can be read.)
 */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=300")
public final class NetworkSettings implements ServerSettingsContributor {
    /** Dotted id of the request body limit. */
    public static final String MAX_REQUEST_MEGABYTES = "network.maxnetworkrequestmegabytes";
    /** Dotted id of the CORS origin. */
    public static final String ALLOW_ORIGIN = "network.accesscontrolalloworigin";
    /** Dotted id of the required Authorization header value. */
    public static final String REQUIRED_AUTHORIZATION = "network.requiredauthorization";
    /** Dotted id of the addresses that skip the Authorization check. */
    public static final String AUTH_BYPASS_IPS = "network.authbypassips";

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Network", "Settings related to networking and the webserver.",
                SettingDef.text("AuthBypassIPs", "127.0.0.1,::1,::ffff:127.0.0.1",
                        "Comma-separated list of IP addresses that do not need to send the RequiredAuthorization header."),
                SettingDef.text("RequiredAuthorization", "",
                        "If set, every request must carry exactly this value in its 'Authorization' header (except from AuthBypassIPs). Empty to disable.").asSecret(),
                SettingDef.text("AccessControlAllowOrigin", "",
                        "If set, every response carries 'Access-Control-Allow-Origin' with this value, and OPTIONS preflight requests are answered. Empty to disable."),
                // 0 refused every request (including the one changing it back); 2048 and more overflowed.
                SettingDef.integer("MaxNetworkRequestMegabytes", 200,
                        "Largest request body the server accepts, in megabytes (1 to 2047).").withRange(1, 2047)));
    }
}
