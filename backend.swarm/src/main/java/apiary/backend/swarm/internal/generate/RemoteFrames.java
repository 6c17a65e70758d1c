package apiary.backend.swarm.internal.generate;

/**
 * Tells frames of {@code GenerateText2ImageWS} apart by their first key, without parsing them: each frame has one
 * top-level kind (spec A.8), and the full status object the remote sends five times per image is the only kind the
 * driver has no use for.
 */
final class RemoteFrames {
    private static final String STATUS = "{\"status\":";

    private RemoteFrames() {
    }

    /** @return whether the frame is a status frame (a frame written differently is parsed, which is only slower) */
    static boolean isStatus(String text) {
        return text.startsWith(STATUS);
    }
}
