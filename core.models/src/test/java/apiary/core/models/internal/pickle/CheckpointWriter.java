package apiary.core.models.internal.pickle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes PyTorch zip checkpoints the way {@code torch.save} lays them out (protocol-2 pickle with
 * {@code _rebuild_tensor_v2} and storage persistent ids, one stored entry per storage), for the converter tests.
 */
final class CheckpointWriter {
    /** A float32 tensor to write: a shape and its values in row-major order. */
    record F32(List<Long> shape, float[] values) {
    }

    private final ByteArrayOutputStream pkl = new ByteArrayOutputStream();
    private final Map<String, byte[]> storages = new LinkedHashMap<>();

    private void op(int b) {
        pkl.write(b);
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        pkl.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array(), 0, 4);
        pkl.write(b, 0, b.length);
    }

    private void global(String module, String name) {
        op('c');
        byte[] b = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
        pkl.write(b, 0, b.length);
    }

    private void integer(long v) {
        op('J');
        pkl.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array(), 0, 4);
    }

    private void tuple(List<Long> values) {
        op('(');
        values.forEach(this::integer);
        op('t');
    }

    private void tensor(F32 t) {
        String key = String.valueOf(storages.size());
        ByteBuffer b = ByteBuffer.allocate(t.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : t.values()) {
            b.putFloat(f);
        }
        storages.put(key, b.array());
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');
        op('(');
        text("storage");
        global("torch", "FloatStorage");
        text(key);
        text("cpu");
        integer(t.values().length);
        op('t');
        op('Q');
        integer(0);
        tuple(t.shape());
        long[] stride = new long[t.shape().size()];
        long s = 1;
        for (int i = stride.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= t.shape().get(i);
        }
        tuple(java.util.Arrays.stream(stride).boxed().toList());
        op(0x89);
        global("collections", "OrderedDict");
        op(')');
        op('R');
        op('t');
        op('R');
    }

    /** Writes a value: a map (as OrderedDict), an F32 tensor, a string or a long. */
    private void value(Object v) {
        if (v instanceof Map) {
            global("collections", "OrderedDict");
            op(')');
            op('R');
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                text(String.valueOf(e.getKey()));
                value(e.getValue());
                op('s');
            }
        } else if (v instanceof F32) {
            tensor((F32) v);
        } else if (v instanceof String) {
            text((String) v);
        } else {
            integer(((Number) v).longValue());
        }
    }

    /** @return a checkpoint file holding the object */
    static Path write(Path file, Map<String, ?> object) throws IOException {
        CheckpointWriter w = new CheckpointWriter();
        w.op(0x80);
        w.op(2);
        w.value(object);
        w.op('.');
        return zip(file, w.pkl.toByteArray(), w.storages);
    }

    /** @return a checkpoint whose pickle is exactly these bytes */
    static Path zip(Path file, byte[] pickle, Map<String, byte[]> storages) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> s : storages.entrySet()) {
                zip.putNextEntry(new ZipEntry("archive/data/" + s.getKey()));
                zip.write(s.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return file;
    }
}
