package apiary.itest.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Test;

/** The UtilAPI routes through the running server: token counting, WipeMetadata and Pickle2SafeTensor. */
public class UtilApiIT extends ModelsTestSupport {
    @Test
    public void countAndTokenize() {
        assertEquals(Map.of("count", 5), call("CountTokens", "text", "a photo of a cat").json);
        assertEquals("the longest section", Map.of("count", 5), call("CountTokens", "text", "a photo of a cat <break> cat").json);
        assertEquals(Map.of("count", 2), call("CountTokens", "text", "<lora:x:1> a cat", "skipPromptSyntax", true).json);
        assertEquals("syntax counted as text", Map.of("count", 10), call("CountTokens", "text", "<lora:x:1> a cat").json);
        assertEquals("without weighting the brackets are text", Map.of("count", 7), call("CountTokens", "text", "(cat:1.5)", "weighting", false).json);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tokens = (List<Map<String, Object>>) call("TokenizeInDetail", "text", "a (cat:1.5)").get("tokens");
        assertEquals(List.of(Map.of("id", 320, "weight", 1.0, "text", "a</w>"), Map.of("id", 2368, "weight", 1.5, "text", "cat</w>")), tokens);
        assertEquals(Map.of("error", "Text too long, refused."), call("CountTokens", "text", "x".repeat(1024 * 1024)).json);
        assertEquals(Map.of("error", "Invalid tokenset (refused characters or format), refused."),
                call("CountTokens", "text", "a", "tokenset", "../etc").json);
        assertEquals(Map.of("error", "Tokenset 't5' does not exist."), call("CountTokens", "text", "a", "tokenset", "t5").json);
        assertEquals(200, call("CountTokens", "text", "((((unbalanced [ syntax <random:a,").status);
    }

    @Test
    public void wipeMetadataRereadsEveryFile() throws Exception {
        Path file = ModelFiles.write(sd("w.safetensors"), Map.of("modelspec.title", "Before"), ModelFiles.SD1);
        useTestFolders();
        assertEquals("Before", file(call("ListModels", "path", "", "depth", 1), "w.safetensors").get("title"));
        // Same size, same modification time: only a real re-read can see the new title.
        FileTime modified = Files.getLastModifiedTime(file);
        ModelFiles.write(file, Map.of("modelspec.title", "Later!"), ModelFiles.SD1);
        Files.setLastModifiedTime(file, modified);
        assertEquals("the cache still answers", "Before", file(call("ListModels", "path", "", "depth", 1), "w.safetensors").get("title"));
        assertEquals(Map.of("success", true), call("WipeMetadata").json);
        assertEquals("Later!", file(call("ListModels", "path", "", "depth", 1), "w.safetensors").get("title"));
    }

    /** A one-tensor PyTorch zip checkpoint, laid out as torch.save writes it; {@code evil} swaps in os.system. */
    private static Path checkpoint(Path file, boolean evil) throws IOException {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);
        p.write(2);
        if (evil) {
            p.writeBytes("cos\nsystem\n".getBytes(StandardCharsets.US_ASCII));
            text(p, "touch " + file.resolveSibling("pwned"));
            p.write(0x85);
            p.write('R');
        } else {
            p.writeBytes("ccollections\nOrderedDict\n)R".getBytes(StandardCharsets.US_ASCII));
            text(p, "layer.weight");
            p.writeBytes("ctorch._utils\n_rebuild_tensor_v2\n((".getBytes(StandardCharsets.US_ASCII));
            text(p, "storage");
            p.writeBytes("ctorch\nFloatStorage\n".getBytes(StandardCharsets.US_ASCII));
            text(p, "0");
            text(p, "cpu");
            p.writeBytes(new byte[] {'K', 2, 't', 'Q', 'K', 0, 'K', 2, (byte) 0x85, 'K', 1, (byte) 0x85, (byte) 0x89});
            p.writeBytes("ccollections\nOrderedDict\n)Rt".getBytes(StandardCharsets.US_ASCII));
            p.writeBytes(new byte[] {'R', 's'});
        }
        p.write('.');
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(p.toByteArray());
            zip.putNextEntry(new ZipEntry("archive/data/0"));
            zip.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array());
            zip.closeEntry();
        }
        return file;
    }

    private static void text(ByteArrayOutputStream p, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p.write('X');
        p.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        p.writeBytes(b);
    }

    @Test
    public void pickleToSafetensorsConvertsAndRefusesCode() throws Exception {
        Files.createDirectories(sd(""));
        checkpoint(sd("old.ckpt"), false);
        useTestFolders();
        assertEquals(Map.of("success", true), call("Pickle2SafeTensor", "type", "Stable-Diffusion", "fp16", true).json);
        assertTrue(Files.exists(sd("old.safetensors")));
        assertTrue(Files.exists(sd("old.ckpt.bak")));
        Map<?, ?> headers = (Map<?, ?>) call("GetModelHeaders", "model", "old.safetensors").get("headers");
        assertEquals(Map.of("dtype", "F16", "shape", List.of(2), "data_offsets", List.of(0, 4)), headers.get("layer.weight"));
        assertEquals(List.of("old.safetensors"), names(call("ListModels", "path", "", "depth", 1)));

        checkpoint(sd("evil.pt"), true);
        String error = (String) call("Pickle2SafeTensor", "type", "Stable-Diffusion", "fp16", false).get("error");
        assertTrue(error, error.contains("os.system"));
        assertFalse(Files.exists(sd("pwned")));
        assertFalse(Files.exists(sd("evil.safetensors")));
        assertTrue(Files.exists(sd("evil.pt")));
        assertEquals(Map.of("error", "Invalid type 'Nope'."), call("Pickle2SafeTensor", "type", "Nope", "fp16", false).json);

        Files.delete(sd("evil.pt"));
        byte[] whole = Files.readAllBytes(checkpoint(sd("cut.pth"), false));
        Files.write(sd("cut.pth"), java.util.Arrays.copyOf(whole, whole.length / 2));
        String truncated = (String) call("Pickle2SafeTensor", "type", "Stable-Diffusion", "fp16", false).get("error");
        assertTrue(truncated, truncated != null && truncated.contains("cut.pth"));
        assertFalse(Files.exists(sd("cut.safetensors")));
        assertTrue(Files.exists(sd("cut.pth")));
    }
}
