package apiary.core.api.runtime;

import apiary.core.api.runtime.dto.WhiteboardDTO;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A registry explaining itself, like {@link apiary.core.api.route.RouteRuntime} does for routes: every registration
 * of the whiteboard service it tracks, each listed as active, shadowed or refused with the reason. Registries of the
 * server (permissions, server settings, backend types, web files) offer one each, with the service property
 * {@link #WHITEBOARD} naming the whiteboard; admin tools collect them all.
 */
@ProviderType
public interface WhiteboardRuntime {
    /** Service property: the whiteboard's name, e.g. {@code backend_types}. */
    String WHITEBOARD = "apiary.whiteboard";

    /** @return a consistent snapshot of the registry at the time of the call */
    WhiteboardDTO snapshot();
}
