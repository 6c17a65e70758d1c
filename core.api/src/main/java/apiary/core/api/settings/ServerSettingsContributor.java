package apiary.core.api.settings;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service through which a bundle declares the server settings it owns (for example core.server owns
 * {@code network.*}, an extension its own group). The nodes appear in {@code ListServerSettings} while the service
 * is registered; stored values survive the bundle going away and coming back.
 *
 * <p>The service property {@code apiary.settings.order} (an Integer, default 1000) orders contributors in the tree.
 *
 * <p>Keep a contributor free of a dependency on {@link ServerSettings}: the store binds contributors while it
 * activates, so a contributor that needs the store is a service cycle that DS can only break by leaving a reference
 * empty. Read the values from another component, by your own definitions ({@link ServerSettings#get(String,
 * SettingDef)}).
 */
@ConsumerType
public interface ServerSettingsContributor {
    /** Service property ordering contributors; lower comes first. */
    String ORDER = "apiary.settings.order";

    /** @return top-level nodes, usually one group named after the area */
    List<SettingDef> settings();
}
