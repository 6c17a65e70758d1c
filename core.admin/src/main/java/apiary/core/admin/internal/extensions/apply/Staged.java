package apiary.core.admin.internal.extensions.apply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import apiary.core.admin.internal.extensions.repository.BundleDownload;
import apiary.core.admin.internal.extensions.repository.IndexResource;

/** A bundle downloaded and verified against its index, ready to install at a location. */
public final class Staged {
    /** Prefix of the locations of every bundle the extension manager installs. */
    public static final String LOCATION_PREFIX = "apiary-ext:";

    /** What the index says it is. */
    public final IndexResource resource;
    /** The verified bytes. */
    public final byte[] bytes;
    /** The location to install it at. */
    public final String location;

    /**
     * @param resource the index entry
     * @param bytes the verified content
     */
    public Staged(IndexResource resource, byte[] bytes) {
        this.resource = resource;
        this.bytes = bytes;
        this.location = locationOf(resource);
    }

    /**
     * Downloads every bundle and checks it against its index before anything is installed.
     *
     * @param resources what to fetch
     * @return the verified bundles, in the same order
     * @throws IOException naming the first bundle that could not be fetched or did not match
     */
    public static List<Staged> downloadAll(List<IndexResource> resources) throws IOException {
        List<Staged> out = new ArrayList<>();
        for (IndexResource r : resources) {
            out.add(new Staged(r, BundleDownload.fetch(r)));
        }
        return out;
    }

    /** @return the location a bundle from the index is installed at */
    public static String locationOf(IndexResource resource) {
        return LOCATION_PREFIX + resource.symbolicName() + "@" + resource.version();
    }
}
