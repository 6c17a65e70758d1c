package apiary.core.t2i.internal.routes;

import java.util.Map;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.CallContext;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.t2i.internal.history.HistoryFiles;
import apiary.core.t2i.internal.history.HistoryListing;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The image history routes of SwarmUI's T2IAPI: list, star, delete, open folder. */
@Component(service = RouteProvider.class)
@RouteArea(value = T2IArea.NAME, description = T2IArea.DESCRIPTION)
public final class HistoryRoutes implements RouteProvider {
    private final HistoryListing listing;
    private final HistoryFiles files;

    /**
     * @param listing history listings
     * @param files history file operations
     */
    @Activate
    public HistoryRoutes(@Reference HistoryListing listing, @Reference HistoryFiles files) {
        this.listing = listing;
        this.files = files;
    }

    /** @return folders and files */
    @Route(permission = "view_image_history", description = "Gets a list of images in a saved image history folder.",
            returns = "\"folders\": [\"Folder1\", \"Folder2\"],\n\"files\": [ { \"src\": \"path/to/image.jpg\", \"metadata\": \"...\" } ]")
    public Map<String, Object> ListImages(Session session,
            @Param(description = "The folder path to start the listing in. Use an empty string for root.") String path,
            @Param(description = "Maximum depth (number of recursive folders) to search.") int depth,
            @Param(defaultValue = "Name", description = "What to sort the list by - `Name` or `Date`.") String sortBy,
            @Param(defaultValue = "False", description = "If true, the sorting should be done in reverse.") boolean sortReverse) {
        return listing.list(session.user(), path, depth, sortBy, sortReverse);
    }

    /** @return the new star state */
    @Route(permission = "user_star_images", userUpdate = true, description = "Toggle whether an image is starred or not.",
            returns = "\"new_state\": true")
    public Map<String, Object> ToggleImageStarred(Session session,
            @Param(description = "The path to the image to star.") String path) {
        return files.toggleStar(session.user(), path);
    }

    /** @return success */
    @Route(permission = "user_delete_image", userUpdate = true, description = "Delete an image from history.",
            returns = "\"success\": true")
    public Map<String, Object> DeleteImage(Session session,
            @Param(description = "The path to the image to delete.") String path) {
        return files.delete(session.user(), path);
    }

    /** @return success */
    @Route(permission = CorePermissions.LOCAL_IMAGE_FOLDER, userUpdate = true,
            description = "Open an image folder in the file explorer. Only works for a caller on the server machine itself.",
            returns = "\"success\": true")
    public Map<String, Object> OpenImageFolder(Session session, CallContext context,
            @Param(description = "The path to the image to show in the image folder.") String path) {
        return files.openFolder(session.user(), path, context);
    }
}
