package apiary.backend.swarm.internal.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;

import org.junit.jupiter.api.Test;

class FrameRelayTest {
    private final List<String> seen = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private final GenerationJob job = new GenerationJob() {
        @Override
        public T2IRequest request() {
            return null;
        }

        @Override
        public InterruptToken interrupt() {
            return null;
        }

        @Override
        public int backendId() {
            return -1;
        }

        @Override
        public void progress(double overall, double current) {
            seen.add("progress " + overall + " " + current);
        }

        @Override
        public void preview(byte[] image, String mediaType) {
            seen.add("preview " + mediaType + " " + image.length);
        }

        @Override
        public void output(byte[] data, String mediaType) {
            seen.add("output " + mediaType);
            outputs.add(data);
        }

        @Override
        public void intermediateOutput(byte[] data, String mediaType) {
            seen.add("intermediate " + mediaType);
        }
    };

    private static String url(String type, byte[] data) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    @Test
    void progressPreviewsAndImagesReachTheJob() throws Exception {
        FrameRelay relay = new FrameRelay(job, "http://w");
        relay.accept(Map.of("status", Map.of("waiting_gens", 1)));
        relay.accept(Map.of("gen_progress", Map.of("batch_index", "0", "request_id", "123", "overall_percent", 0.5,
                "current_percent", "0.25", "preview", url("image/jpeg", new byte[] {1, 2, 3}))));
        relay.accept(Map.of("image", url("image/png", new byte[] {9}), "batch_index", "-1"));
        relay.accept(Map.of("image", url("image/png", new byte[] {7, 7}), "batch_index", "0", "request_id", "123"));
        relay.accept(Map.of("discard_indices", List.of()));
        assertEquals(List.of("progress 0.5 0.25", "preview image/jpeg 3", "intermediate image/png", "output image/png"), seen);
        assertArrayEquals(new byte[] {7, 7}, outputs.get(0));
        assertEquals("123", relay.remoteJobId());
        assertEquals(1, relay.outputs());
    }

    @Test
    void theRemotesErrorAndUndecodableImagesAreClearFailures() {
        FrameRelay relay = new FrameRelay(job, "http://w");
        GenerationException e = assertThrows(GenerationException.class, () -> relay.accept(Map.of("error", "Model not found")));
        assertEquals("The remote backend at http://w failed: Model not found", e.getMessage());
        e = assertThrows(GenerationException.class, () -> relay.accept(Map.of("image", "View/local/x.png", "batch_index", "0")));
        assertTrue(e.getMessage().contains("not inline data"), e.getMessage());
    }
}
