package apiary.backend.comfy.internal.backend;

/** The API base of a by-URL backend: {@code Address} without trailing slashes, plus {@code /api} with EnableFrontendDev. */
public final class ComfyAddress {
    private ComfyAddress() {
    }

    /**
     * @param s a by-URL backend's settings
     * @throws IllegalArgumentException with a message for the admin when the Address is not an http(s) URL
     */
    public static void check(ComfySettings s) {
        String raw = s.text("Address");
        String base = raw.contains("://") ? raw : "http://" + raw;
        java.net.URI uri;
        try {
            uri = new java.net.URI(base);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("The Address '" + s.text("Address")
                    + "' is not a ComfyUI URL: give one like http://localhost:8188.");
        }
    }

    /** @param s a by-URL backend's settings @return its API base */
    static String apiBase(ComfySettings s) {
        String address = s.text("Address");
        while (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        if (!address.isEmpty() && !address.contains("://")) {
            address = "http://" + address;
        }
        return s.flag("EnableFrontendDev") ? address + "/api" : address;
    }
}
