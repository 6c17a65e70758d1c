package apiary.backend.comfy.internal.job;

import java.util.Locale;

/** Media types of ComfyUI's output files, by extension. */
final class MediaTypes {
    private MediaTypes() {
    }

    static String of(String filename) {
        String f = filename.toLowerCase(Locale.ROOT);
        if (f.endsWith(".png")) {
            return "image/png";
        } else if (f.endsWith(".jpg") || f.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (f.endsWith(".webp")) {
            return "image/webp";
        } else if (f.endsWith(".gif")) {
            return "image/gif";
        } else if (f.endsWith(".mp4")) {
            return "video/mp4";
        } else if (f.endsWith(".webm")) {
            return "video/webm";
        }
        return "application/octet-stream";
    }
}
