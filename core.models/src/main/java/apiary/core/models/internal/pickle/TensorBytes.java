package apiary.core.models.internal.pickle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Gathers a tensor's elements from its storage in row-major order, converting to F16 when asked. */
final class TensorBytes {
    private TensorBytes() {
    }

    /** @param dtype a safetensors dtype @return its element size in bytes */
    static int size(String dtype) {
        return switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32", "I32" -> 4;
            case "F16", "BF16", "I16" -> 2;
            default -> 1;
        };
    }

    static byte[] gather(PickleValues.Tensor t, byte[] storage, String outType) {
        String in = t.storage().dtype();
        int inSize = t.storage().elementSize();
        int outSize = size(outType);
        long n = TorchCheckpoint.numel(t);
        ByteBuffer src = ByteBuffer.wrap(storage).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer dst = ByteBuffer.allocate((int) (n * outSize)).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> shape = t.shape();
        List<Long> stride = t.stride();
        long[] index = new long[shape.size()];
        for (long k = 0; k < n; k++) {
            long element = t.offset();
            for (int d = 0; d < index.length; d++) {
                element += index[d] * stride.get(d);
            }
            int pos = (int) (element * inSize);
            if (pos < 0 || pos + inSize > storage.length) {
                throw new IllegalArgumentException("A tensor reaches past the end of its storage.");
            }
            if (in.equals(outType)) {
                dst.put(storage, pos, inSize);
            } else {
                dst.putShort(toHalf(read(src, in, pos)));
            }
            for (int d = index.length - 1; d >= 0; d--) {
                if (++index[d] < shape.get(d)) {
                    break;
                }
                index[d] = 0;
            }
        }
        return dst.array();
    }

    private static float read(ByteBuffer src, String dtype, int pos) {
        return switch (dtype) {
            case "F64" -> (float) src.getDouble(pos);
            case "BF16" -> Float.intBitsToFloat((src.getShort(pos) & 0xffff) << 16);
            default -> src.getFloat(pos);
        };
    }

    /** IEEE 754 binary32 to binary16, rounding to nearest even; overflow to infinity, NaN kept. */
    static short toHalf(float value) {
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int mant = bits & 0x7fffff;
        if (exp == 0xff) {
            return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            mant |= 0x800000;
            int shift = 14 - e;
            int half = mant >> shift;
            int rest = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rest > mid || (rest == mid && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >> 13);
        int rest = mant & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
            half++;
        }
        return (short) (sign | half);
    }
}
