package apiary.backend.comfy.internal.backend;

/** The API base of a by-URL backend: {@code Address} without trailing slashes, plus {@code /api} with EnableFrontendDev. */
final class ComfyAddress {
    private ComfyAddress() {
    }

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
