package apiary.core.api.settings;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard listener told after server settings changed. */
@ConsumerType
public interface ServerSettingsListener {
    /** @param changedPaths the dotted ids whose values changed */
    void settingsChanged(List<String> changedPaths);
}
