package apiary.core.api.settings;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service through which a bundle declares the server settings it owns (for example core.server owns
 * {@code network.*}, an extension its own group). The nodes appear in {@code ListServerSettings} while the service
 * is registered; stored values survive the bundle going away and coming back.
 *
 * <p>The service property {@code apiary.settings.order} (an Integer, default 1000) orders contributors in the tree.
 */
@ConsumerType
public interface ServerSettingsContributor {
    /** Service property ordering contributors; lower comes first. */
    String ORDER = "apiary.settings.order";

    /** @return top-level nodes, usually one group named after the area */
    List<SettingDef> settings();
}
