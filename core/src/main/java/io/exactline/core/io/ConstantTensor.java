package io.exactline.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * A tensor whose value is known when the model is loaded (an initializer, a Constant node's value, or the result
 * of folding operators over such tensors), held as doubles in row-major order. {@code integral} records an
 * integer element type, which shape computations (Reshape targets, Gather indices) require. The values array is
 * shared, not copied: nothing may write to it.
 */
record ConstantTensor(int[] dims, double[] values, boolean integral) implements TensorValue {

    ConstantTensor {
        dims = dims.clone();
        if (values.length != elementCount(dims)) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(dims) + " needs "
                    + elementCount(dims) + " values, got " + values.length);
        }
    }

    /** A rank-1 integer tensor holding {@code values}. */
    static ConstantTensor ofInts(long... values) {
        double[] v = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i] = values[i];
        }
        return new ConstantTensor(new int[] {values.length}, v, true);
    }

    /**
     * The most elements a tensor the loader builds may have (2^24, 128 MiB of doubles): five times the largest
     * activation of VGG-16 on ImageNet, far below what a corrupted size field can claim. Layers may keep index
     * tables of a few entries per element, so this also bounds what loading a small file can allocate.
     */
    static final int MAX_ELEMENTS = 1 << 24;

    /** The product of {@code dims}, or {@link Long#MAX_VALUE} when it does not fit in a long. */
    static long elementCount(int[] dims) {
        long n = 1;
        for (int d : dims) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /**
     * The number of elements of a tensor of shape {@code dims}, checked before anything of that size is
     * allocated.
     *
     * @throws IllegalArgumentException if it exceeds {@link #MAX_ELEMENTS}
     */
    static int allocatable(int[] dims) {
        long n = elementCount(dims);
        if (n > MAX_ELEMENTS) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(dims) + " would have "
                    + (n == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(n)) + " elements, more than the "
                    + MAX_ELEMENTS + " exactline loads (is a size field in the file corrupted?)");
        }
        return (int) n;
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    int rank() {
        return dims.length;
    }

    int size() {
        return values.length;
    }

    /** The values as longs, for shapes, axes and indices. */
    long[] longs() {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (long) values[i];
        }
        return l;
    }

    /** The same values under another shape of the same size. */
    ConstantTensor reshaped(int[] newDims) {
        return new ConstantTensor(newDims, values, integral);
    }

    /**
     * The values broadcast (numpy rules, trailing axes aligned) to {@code target}; the caller has checked that
     * {@code target} is the broadcast of this shape with something.
     */
    double[] broadcastTo(int[] target) {
        int rank = target.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int k = dims.length - 1; k >= 0; k--) {
            int axis = rank - dims.length + k;
            strides[axis] = dims[k] == 1 ? 0 : stride;
            stride *= dims[k];
        }
        int n = allocatable(target);
        double[] out = new double[n];
        int[] index = new int[rank];
        for (int i = 0; i < n; i++) {
            int source = 0;
            for (int k = 0; k < rank; k++) {
                source += index[k] * strides[k];
            }
            out[i] = values[source];
            for (int k = rank - 1; k >= 0; k--) {
                if (++index[k] < target[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return out;
    }

    /**
     * Decodes an ONNX tensor: {@code raw_data} (little-endian) or the typed fields {@code float_data},
     * {@code double_data}, {@code int64_data}, {@code int32_data}, for element types float, double, int64, int32,
     * int16, int8, uint8 and bool.
     *
     * @throws IllegalArgumentException naming what is wrong (unsupported type, external data, wrong count)
     */
    static ConstantTensor decode(TensorProto tensor) {
        int[] dims = new int[tensor.getDimsCount()];
        for (int k = 0; k < dims.length; k++) {
            long d = tensor.getDims(k);
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("dimension " + k + " is " + d);
            }
            dims[k] = (int) d;
        }
        int n = allocatable(dims);
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("data is stored in an external file, which is not supported;"
                    + " save the model with its weights inside the .onnx file");
        }
        TensorProto.DataType type = TensorProto.DataType.forNumber(tensor.getDataType());
        if (type == null) {
            throw new IllegalArgumentException("unknown element type " + tensor.getDataType());
        }
        boolean integral = switch (type) {
            case FLOAT, DOUBLE -> false;
            case INT64, INT32, INT16, INT8, UINT8, BOOL -> true;
            default -> throw new IllegalArgumentException("element type " + type
                    + " is not supported (float, double and integer types are)");
        };
        double[] values = tensor.hasRawData() ? fromRaw(tensor, type, n) : fromTypedFields(tensor, type);
        if (values.length != n) {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " needs " + n + " values but the"
                    + " tensor holds " + values.length + " (is the file truncated?)");
        }
        return new ConstantTensor(dims, values, integral);
    }

    private static double[] fromRaw(TensorProto tensor, TensorProto.DataType type, int n) {
        ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        int width = switch (type) {
            case DOUBLE, INT64 -> 8;
            case FLOAT, INT32 -> 4;
            case INT16 -> 2;
            default -> 1;
        };
        if (raw.remaining() != (long) n * width) {
            throw new IllegalArgumentException("raw data has " + raw.remaining() + " bytes, but " + n + " values of "
                    + type + " need " + ((long) n * width) + " (is the file truncated?)");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = switch (type) {
                case FLOAT -> raw.getFloat();
                case DOUBLE -> raw.getDouble();
                case INT64 -> raw.getLong();
                case INT32 -> raw.getInt();
                case INT16 -> raw.getShort();
                case INT8 -> raw.get();
                default -> raw.get() & 0xff;
            };
        }
        return values;
    }

    private static double[] fromTypedFields(TensorProto tensor, TensorProto.DataType type) {
        return switch (type) {
            case FLOAT -> {
                double[] v = new double[tensor.getFloatDataCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = tensor.getFloatData(i);
                }
                yield v;
            }
            case DOUBLE -> tensor.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray();
            case INT64 -> tensor.getInt64DataList().stream().mapToDouble(Long::doubleValue).toArray();
            default -> tensor.getInt32DataList().stream().mapToDouble(Integer::doubleValue).toArray();
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConstantTensor t && integral == t.integral && Arrays.equals(dims, t.dims)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ConstantTensor" + Arrays.toString(dims);
    }
}
