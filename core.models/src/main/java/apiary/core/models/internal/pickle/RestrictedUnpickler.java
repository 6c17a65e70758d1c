package apiary.core.models.internal.pickle;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the pickle of a PyTorch checkpoint without executing anything: only the opcodes that build plain values
 * (numbers, strings, tuples, lists, dicts) are understood, {@code GLOBAL} is accepted only for the handful of
 * names a tensor checkpoint needs (tensor rebuilders, storage types, {@code OrderedDict}), and calling one of them
 * is emulated here, never done. Everything else (object construction, {@code os.system}, {@code eval}...) ends in
 * a {@link PickleRefused} naming what was asked for.
 */
final class RestrictedUnpickler {
    private static final Set<String> CALLABLE = Set.of("torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter",
            "collections.OrderedDict");
    private static final Map<String, Object[]> STORAGES = storages();
    private static final int MAX_DEPTH_ITEMS = 50_000_000;

    private final DataInputStream in;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Integer, Object> memo = new HashMap<>();
    private int ops;

    RestrictedUnpickler(InputStream in) {
        this.in = new DataInputStream(in);
    }

    private static Map<String, Object[]> storages() {
        Map<String, Object[]> m = new HashMap<>();
        m.put("FloatStorage", new Object[] {"F32", 4});
        m.put("DoubleStorage", new Object[] {"F64", 8});
        m.put("HalfStorage", new Object[] {"F16", 2});
        m.put("BFloat16Storage", new Object[] {"BF16", 2});
        m.put("LongStorage", new Object[] {"I64", 8});
        m.put("IntStorage", new Object[] {"I32", 4});
        m.put("ShortStorage", new Object[] {"I16", 2});
        m.put("CharStorage", new Object[] {"I8", 1});
        m.put("ByteStorage", new Object[] {"U8", 1});
        m.put("BoolStorage", new Object[] {"BOOL", 1});
        return m;
    }

    /** @return the unpickled value */
    Object load() throws IOException, PickleRefused {
        while (true) {
            if (++ops > MAX_DEPTH_ITEMS) {
                throw new PickleRefused("The checkpoint's pickle is too large.");
            }
            int op = in.read();
            if (op < 0) {
                throw new EOFException("The checkpoint's pickle ends early.");
            }
            if (op == '.') {
                return pop();
            }
            step(op);
        }
    }

    private void step(int op) throws IOException, PickleRefused {
        switch (op) {
            case 0x80 -> in.readUnsignedByte(); // PROTO
            case 0x95 -> readLong8(); // FRAME: the frame's bytes simply follow
            case '}' -> push(new LinkedHashMap<>());
            case ']' -> push(new ArrayList<>());
            case ')' -> push(List.of());
            case '(' -> push(PickleValues.MARK);
            case 't' -> push(List.copyOf(popMark()));
            case 0x85 -> push(List.of(pop()));
            case 0x86 -> { Object b = pop(); Object a = pop(); push(List.of(a, b)); }
            case 0x87 -> { Object c = pop(); Object b = pop(); Object a = pop(); push(List.of(a, b, c)); }
            case 'X' -> push(text(readInt4()));
            case 0x8c -> push(text(in.readUnsignedByte()));
            case 0x8d -> push(text(readLong8()));
            case 'T' -> push(text(readInt4()));
            case 'U' -> push(text(in.readUnsignedByte()));
            case 'J' -> push((long) readInt4());
            case 'K' -> push((long) in.readUnsignedByte());
            case 'M' -> push((long) (in.readUnsignedByte() | (in.readUnsignedByte() << 8)));
            case 0x8a -> push(long1());
            case 'G' -> push(in.readDouble());
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'N' -> push(null);
            case 'q' -> memo.put(in.readUnsignedByte(), peek());
            case 'r' -> memo.put(readInt4(), peek());
            case 0x94 -> memo.put(memo.size(), peek());
            case 'h' -> push(memoGet(in.readUnsignedByte()));
            case 'j' -> push(memoGet(readInt4()));
            case 's' -> { Object v = pop(); Object k = pop(); dict(peek()).put(k, v); }
            case 'u' -> { List<Object> items = popMark(); Map<Object, Object> d = dict(peek());
                for (int i = 0; i + 1 < items.size(); i += 2) {
                    d.put(items.get(i), items.get(i + 1));
                } }
            case 'a' -> { Object v = pop(); list(peek()).add(v); }
            case 'e' -> { List<Object> items = popMark(); list(peek()).addAll(items); }
            case 'c' -> push(global(line(), line()));
            case 0x93 -> { Object name = pop(); Object module = pop(); push(global(String.valueOf(module), String.valueOf(name))); }
            case 'R' -> { Object args = pop(); Object fn = pop(); push(reduce(fn, args)); }
            case 'Q' -> push(persistent(pop()));
            case 'b' -> build();
            default -> throw new PickleRefused(String.format("The checkpoint's pickle uses opcode 0x%02x, which a tensor "
                    + "checkpoint never needs; it was not loaded.", op));
        }
    }

    private Object global(String module, String name) throws PickleRefused {
        String q = module + "." + name;
        if (CALLABLE.contains(q) || ("torch".equals(module) && STORAGES.containsKey(name))) {
            return new PickleValues.Global(module, name);
        }
        throw new PickleRefused("The checkpoint asks for '" + q + "', which is not a tensor or a plain container; "
                + "refusing to load it (nothing was executed).");
    }

    private Object reduce(Object fn, Object args) throws PickleRefused {
        if (!(fn instanceof PickleValues.Global) || !(args instanceof List)) {
            throw new PickleRefused("The checkpoint calls something that is not a known tensor builder; refused.");
        }
        List<?> a = (List<?>) args;
        switch (((PickleValues.Global) fn).qualified()) {
            case "collections.OrderedDict":
                return new LinkedHashMap<>();
            case "torch._utils._rebuild_parameter":
                return a.get(0);
            case "torch._utils._rebuild_tensor_v2":
                if (a.size() < 4 || !(a.get(0) instanceof PickleValues.Storage)) {
                    throw new PickleRefused("A tensor in the checkpoint is malformed.");
                }
                return new PickleValues.Tensor((PickleValues.Storage) a.get(0), ((Number) a.get(1)).longValue(),
                        longs(a.get(2)), longs(a.get(3)));
            default:
                throw new PickleRefused("The checkpoint calls '" + ((PickleValues.Global) fn).qualified() + "'; refused.");
        }
    }

    private Object persistent(Object pid) throws PickleRefused {
        if (!(pid instanceof List) || ((List<?>) pid).size() < 5 || !"storage".equals(((List<?>) pid).get(0))
                || !(((List<?>) pid).get(1) instanceof PickleValues.Global)) {
            throw new PickleRefused("The checkpoint refers to external data that is not a tensor storage; refused.");
        }
        List<?> p = (List<?>) pid;
        Object[] type = STORAGES.get(((PickleValues.Global) p.get(1)).name());
        if (type == null) {
            throw new PickleRefused("The checkpoint uses an unknown storage type; refused.");
        }
        return new PickleValues.Storage((String) type[0], (Integer) type[1], String.valueOf(p.get(2)), ((Number) p.get(4)).longValue());
    }

    /** BUILD on a dict (an OrderedDict's state) merges; on anything else it would run code, so it is refused. */
    private void build() throws PickleRefused {
        Object state = pop();
        Object target = peek();
        if (target instanceof Map && state instanceof Map) {
            dict(target).putAll(dict(state));
        } else if (!(target instanceof Map && state == null)) {
            throw new PickleRefused("The checkpoint sets the state of an object; refused.");
        }
    }

    private List<Long> longs(Object o) throws PickleRefused {
        if (!(o instanceof List)) {
            throw new PickleRefused("A tensor in the checkpoint has a malformed shape.");
        }
        List<Long> out = new ArrayList<>();
        for (Object v : (List<?>) o) {
            out.add(((Number) v).longValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) throws PickleRefused {
        if (!(o instanceof Map)) {
            throw new PickleRefused("The checkpoint's pickle is malformed (an item set on a non-dict).");
        }
        return (Map<Object, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) throws PickleRefused {
        if (!(o instanceof ArrayList)) {
            throw new PickleRefused("The checkpoint's pickle is malformed (an append to a non-list).");
        }
        return (List<Object>) o;
    }

    private Object memoGet(int key) throws PickleRefused {
        if (!memo.containsKey(key)) {
            throw new PickleRefused("The checkpoint's pickle is malformed (unknown memo " + key + ").");
        }
        return memo.get(key);
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() throws PickleRefused {
        if (stack.isEmpty()) {
            throw new PickleRefused("The checkpoint's pickle is malformed (stack underflow).");
        }
        Object o = stack.remove(stack.size() - 1);
        if (o == PickleValues.MARK) {
            throw new PickleRefused("The checkpoint's pickle is malformed (mark misused).");
        }
        return o;
    }

    private Object peek() throws PickleRefused {
        if (stack.isEmpty()) {
            throw new PickleRefused("The checkpoint's pickle is malformed (stack underflow).");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() throws PickleRefused {
        int mark = stack.lastIndexOf(PickleValues.MARK);
        if (mark < 0) {
            throw new PickleRefused("The checkpoint's pickle is malformed (no mark).");
        }
        List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    private String text(long length) throws IOException, PickleRefused {
        if (length < 0 || length > 64L * 1024 * 1024) {
            throw new PickleRefused("The checkpoint's pickle holds an oversized string.");
        }
        byte[] b = new byte[(int) length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private String line() throws IOException, PickleRefused {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0 || sb.length() > 1000) {
                throw new PickleRefused("The checkpoint's pickle is malformed (bad global name).");
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    private int readInt4() throws IOException {
        byte[] b = new byte[4];
        in.readFully(b);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private long readLong8() throws IOException {
        byte[] b = new byte[8];
        in.readFully(b);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private Object long1() throws IOException, PickleRefused {
        int n = in.readUnsignedByte();
        byte[] b = new byte[n];
        in.readFully(b);
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = b[n - 1 - i];
        }
        BigInteger v = n == 0 ? BigInteger.ZERO : new BigInteger(be);
        if (v.bitLength() > 63) {
            throw new PickleRefused("The checkpoint's pickle holds a number too large for a tensor shape.");
        }
        return v.longValue();
    }
}
