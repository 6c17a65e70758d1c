package apiary.backend.comfy.internal.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import apiary.core.api.json.Json;

/**
 * ComfyUI's binary WebSocket frames (big-endian): event 1 {@code [u32 1][u32 format][image]}, event 4
 * {@code [u32 4][u32 json length][json][image]} (negotiated preview metadata), and SwarmUI's event 10
 * {@code [u32 10][u32 format][image]}. Anything else, or a frame too short for its header, is {@code null}.
 */
public final class BinaryFrames {
    private BinaryFrames() {
    }

    /**
     * @param frame the whole binary message
     * @param json the JSON codec for event 4's header
     * @return the image it carries, or {@code null} for other events and malformed frames
     */
    public static Image parse(byte[] frame, Json json) {
        if (frame.length < 8) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        int event = b.getInt();
        int second = b.getInt();
        if (event == 1 || event == 10) {
            int format = second > 2 ? second & 7 : second;
            String type = format == 1 ? "image/jpeg" : format == 2 ? "image/png" : format == 3 ? "image/webp" : "application/octet-stream";
            return new Image(type, null, Arrays.copyOfRange(frame, 8, frame.length));
        }
        if (event == 4 && second >= 0 && 8L + second <= frame.length) {
            String header = new String(frame, 8, second, StandardCharsets.UTF_8);
            Map<String, Object> meta;
            try {
                meta = json.readObject(header);
            } catch (RuntimeException e) {
                return null;
            }
            Object type = meta.get("image_type");
            Object node = meta.get("node_id");
            return new Image(type instanceof String ? (String) type : "image/jpeg", node == null ? null : String.valueOf(node),
                    Arrays.copyOfRange(frame, 8 + second, frame.length));
        }
        return null;
    }

    /** An image from a binary frame. */
    public static final class Image {
        /** Its media type. */
        public final String mediaType;
        /** The node that sent it when the frame says (event 4), else {@code null}. */
        public final String nodeId;
        /** The encoded bytes. */
        public final byte[] data;

        Image(String mediaType, String nodeId, byte[] data) {
            this.mediaType = mediaType;
            this.nodeId = nodeId;
            this.data = data;
        }
    }
}
