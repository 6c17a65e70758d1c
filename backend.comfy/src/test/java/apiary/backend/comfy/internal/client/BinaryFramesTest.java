package apiary.backend.comfy.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import apiary.backend.comfy.testing.TestJson;

import org.junit.jupiter.api.Test;

/** ComfyUI's binary frame layouts (trace e and k): event 1 with a format, event 4 with a JSON header. */
class BinaryFramesTest {
    private static final TestJson JSON = new TestJson();

    @Test
    void event1CarriesTheFormat() {
        byte[] frame = ByteBuffer.allocate(11).putInt(1).putInt(2).put(new byte[] {7, 8, 9}).array();
        BinaryFrames.Image img = BinaryFrames.parse(frame, JSON);
        assertEquals("image/png", img.mediaType);
        assertNull(img.nodeId);
        assertArrayEquals(new byte[] {7, 8, 9}, img.data);
        assertEquals("image/jpeg", BinaryFrames.parse(ByteBuffer.allocate(9).putInt(1).putInt(1).put((byte) 1).array(), JSON).mediaType);
    }

    @Test
    void event4CarriesNodeAndType() {
        byte[] json = "{\"node_id\":\"9\",\"prompt_id\":\"p\",\"image_type\":\"image/png\"}".getBytes(StandardCharsets.UTF_8);
        byte[] frame = ByteBuffer.allocate(8 + json.length + 2).putInt(4).putInt(json.length).put(json).put(new byte[] {1, 2}).array();
        BinaryFrames.Image img = BinaryFrames.parse(frame, JSON);
        assertEquals("9", img.nodeId);
        assertEquals("image/png", img.mediaType);
        assertArrayEquals(new byte[] {1, 2}, img.data);
    }

    @Test
    void malformedFramesAreIgnored() {
        assertNull(BinaryFrames.parse(new byte[] {0, 0, 0, 4}, JSON));
        assertNull(BinaryFrames.parse(ByteBuffer.allocate(8).putInt(4).putInt(500).array(), JSON), "header longer than the frame");
        assertNull(BinaryFrames.parse(ByteBuffer.allocate(10).putInt(3).putInt(0).putShort((short) 1).array(), JSON), "text event");
    }
}
