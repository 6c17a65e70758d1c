package apiary.core.admin.internal.extensions.repository;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Downloads a bundle listed in an index and accepts it only when its SHA-256 matches the index. */
public final class BundleDownload {
    /** Upper bound when an index does not state the size. */
    private static final long MAX_BUNDLE_BYTES = 512L * 1024 * 1024;

    private BundleDownload() {
    }

    /**
     * @param resource the bundle to fetch
     * @return its bytes, verified
     * @throws IOException with a message for the admin when it cannot be read or does not match the index
     */
    public static byte[] fetch(IndexResource resource) throws IOException {
        if (!resource.installable()) {
            throw new IOException(resource + " has no downloadable bundle with a SHA-256 in its repository index");
        }
        byte[] bytes;
        try {
            bytes = UrlReader.read(resource.url(), resource.size() >= 0 ? resource.size() : MAX_BUNDLE_BYTES);
        } catch (UrlReader.TooLarge e) {
            throw mismatch(resource, "is larger than the " + resource.size() + " bytes the index states");
        } catch (IOException e) {
            throw new IOException("could not download " + resource + " from " + resource.url() + ": " + e.getMessage(), e);
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(resource.sha256())) {
            throw mismatch(resource, "has SHA-256 " + actual);
        }
        return bytes;
    }

    private static IOException mismatch(IndexResource resource, String what) {
        return new IOException("the download of " + resource + " does not match the SHA-256 in the repository index "
                + "(expected " + resource.sha256().toLowerCase(Locale.ROOT) + ", the file " + what + "); it may have been "
                + "tampered with");
    }

    /** @return the lowercase hex SHA-256 of the bytes */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
