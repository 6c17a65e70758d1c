package apiary.core.models.internal.pickle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A PyTorch checkpoint in its zip format ({@code torch.save} since 1.6): {@code <dir>/data.pkl} describes the
 * object, {@code <dir>/data/<key>} hold the raw storages. The pickle is read by {@link RestrictedUnpickler}, so a
 * checkpoint that would run code is refused before anything of it is used. Tensors in nested dicts get dotted
 * names; a top-level {@code state_dict} is unwrapped; other values (step counters, strings) are dropped.
 */
public final class TorchCheckpoint implements AutoCloseable {
    private static final long MAX_STORAGE = Integer.MAX_VALUE - 16;

    private final ZipFile zip;
    private final String prefix;
    private final Map<String, PickleValues.Tensor> tensors = new LinkedHashMap<>();

    private TorchCheckpoint(ZipFile zip, String prefix) {
        this.zip = zip;
        this.prefix = prefix;
    }

    /**
     * @param file a {@code .ckpt}, {@code .pt}, {@code .pth} or {@code .bin} file
     * @return the opened checkpoint with its tensor list read
     * @throws PickleRefused when the file is not a zip checkpoint, is truncated, or its pickle asks for anything but
     *         tensors and containers
     * @throws IOException when the file cannot be read
     */
    public static TorchCheckpoint open(Path file) throws IOException, PickleRefused {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new PickleRefused("Not a PyTorch zip checkpoint (legacy or damaged file): " + e.getMessage() + ".");
        }
        try {
            TorchCheckpoint c = new TorchCheckpoint(zip, prefix(zip));
            c.read();
            return c;
        } catch (IOException | PickleRefused | RuntimeException e) {
            zip.close();
            if (e instanceof ZipException || e instanceof java.io.EOFException) {
                throw new PickleRefused("The checkpoint is truncated or damaged: " + e.getMessage() + ".");
            }
            throw e;
        }
    }

    private static String prefix(ZipFile zip) throws PickleRefused {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                return name.substring(0, name.length() - "data.pkl".length());
            }
        }
        throw new PickleRefused("Not a PyTorch checkpoint: the zip has no data.pkl.");
    }

    private void read() throws IOException, PickleRefused {
        Object root;
        try (InputStream in = zip.getInputStream(zip.getEntry(prefix + "data.pkl"))) {
            root = new RestrictedUnpickler(in).load();
        }
        if (root instanceof Map && ((Map<?, ?>) root).get("state_dict") instanceof Map) {
            root = ((Map<?, ?>) root).get("state_dict");
        }
        collect("", root);
        if (tensors.isEmpty()) {
            throw new PickleRefused("The checkpoint holds no tensors.");
        }
    }

    private void collect(String name, Object value) {
        if (value instanceof PickleValues.Tensor) {
            tensors.put(name, (PickleValues.Tensor) value);
        } else if (value instanceof Map) {
            ((Map<?, ?>) value).forEach((k, v) -> collect(name.isEmpty() ? String.valueOf(k) : name + "." + k, v));
        }
    }

    /** @return the tensors by dotted name, in file order */
    Map<String, PickleValues.Tensor> tensors() {
        return tensors;
    }

    /**
     * @param storage a storage
     * @return its raw little-endian bytes
     */
    byte[] bytes(PickleValues.Storage storage) throws IOException, PickleRefused {
        ZipEntry e = zip.getEntry(prefix + "data/" + storage.key());
        if (e == null) {
            throw new PickleRefused("The checkpoint is missing the data of storage " + storage.key() + ".");
        }
        long expected = storage.numel() * storage.elementSize();
        if (expected > MAX_STORAGE || expected < 0) {
            throw new PickleRefused("A storage of the checkpoint is larger than 2 GB; not supported.");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) expected);
            if (b.length != expected) {
                throw new PickleRefused("The checkpoint is truncated: storage " + storage.key() + " is short.");
            }
            return b;
        }
    }

    /** @param t a tensor @return its element count */
    static long numel(PickleValues.Tensor t) {
        long n = 1;
        for (long d : t.shape()) {
            n *= d;
        }
        return n;
    }

    /** @param t a tensor @return its shape */
    static List<Long> shape(PickleValues.Tensor t) {
        return t.shape();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
