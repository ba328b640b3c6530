package io.exactline.core.io;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * Evaluates, at load time, the operators that exporters use to compute shapes and constants (Shape, Gather,
 * Unsqueeze, Concat, Reshape, Cast, Slice, arithmetic, ...) when all their inputs are known.
 */
final class ConstantFolding {
    private ConstantFolding() {
    }

    /**
     * The first output of {@code node} given its inputs ({@code inputs.get(i)} empty where input {@code i} is
     * omitted).
     *
     * @throws io.exactline.core.network.NetworkFormatException if the operator cannot be evaluated here
     */
    static ConstantTensor fold(OnnxNode node, List<Optional<ConstantTensor>> inputs) {
        return switch (node.opType()) {
            case "Identity", "Dropout" -> required(node, inputs, 0, "input");
            case "Cast" -> cast(node, required(node, inputs, 0, "input"));
            case "Shape" -> shape(node, required(node, inputs, 0, "input").dims());
            case "Reshape" -> reshape(node, inputs);
            case "Flatten" -> {
                ConstantTensor x = required(node, inputs, 0, "input");
                yield x.reshaped(ShapeRules.flatten(node, x.dims(), node.intAttribute("axis", 1)));
            }
            case "Squeeze" -> {
                ConstantTensor x = required(node, inputs, 0, "input");
                yield x.reshaped(ShapeRules.squeeze(node, x.dims(), axes(node, inputs, false)));
            }
            case "Unsqueeze" -> {
                ConstantTensor x = required(node, inputs, 0, "input");
                yield x.reshaped(ShapeRules.unsqueeze(node, x.dims(), axes(node, inputs, true)));
            }
            case "Transpose" -> transpose(node, required(node, inputs, 0, "input"));
            case "Concat" -> concat(node, inputs);
            case "Gather" -> gather(node, required(node, inputs, 0, "data"), required(node, inputs, 1, "indices"));
            case "Slice" -> slice(node, inputs);
            case "ConstantOfShape" -> constantOfShape(node, required(node, inputs, 0, "shape"));
            case "Add", "Sub", "Mul", "Div" -> arithmetic(node, required(node, inputs, 0, "A"),
                    required(node, inputs, 1, "B"));
            case "Neg" -> {
                ConstantTensor x = required(node, inputs, 0, "input");
                yield new ConstantTensor(x.dims(), Arrays.stream(x.values()).map(v -> -v).toArray(), x.integral());
            }
            default -> throw node.error("operator " + node.opType() + " is not supported on constant inputs");
        };
    }

    static ConstantTensor required(OnnxNode node, List<Optional<ConstantTensor>> inputs, int i, String what) {
        if (i >= inputs.size() || inputs.get(i).isEmpty()) {
            throw node.error("input " + i + " (" + what + ") is missing");
        }
        return inputs.get(i).get();
    }

    /** The {@code axes} of Squeeze/Unsqueeze: an attribute before opset 13, the optional second input after. */
    static long[] axes(OnnxNode node, List<Optional<ConstantTensor>> inputs, boolean required) {
        if (node.opset() < 13 || node.hasAttribute("axes")) {
            Optional<long[]> attribute = node.intsAttribute("axes");
            if (attribute.isEmpty() && required) {
                throw node.error("attribute 'axes' is missing");
            }
            return attribute.orElse(new long[0]);
        }
        if (inputs.size() > 1 && inputs.get(1).isPresent()) {
            return inputs.get(1).get().longs();
        }
        if (required) {
            throw node.error("input 1 (axes) is missing");
        }
        return new long[0];
    }

    static ConstantTensor shape(OnnxNode node, int[] dims) {
        int rank = dims.length;
        int start = clampAxis(node.intAttribute("start", 0), rank);
        int end = clampAxis(node.intAttribute("end", rank), rank);
        long[] out = new long[Math.max(0, end - start)];
        for (int k = 0; k < out.length; k++) {
            out[k] = dims[start + k];
        }
        return ConstantTensor.ofInts(out);
    }

    private static int clampAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return (int) Math.max(0, Math.min(rank, a));
    }

    /** Reshape's target shape: the second input (opset 5 on) or the {@code shape} attribute (before). */
    static long[] reshapeTarget(OnnxNode node, List<Optional<ConstantTensor>> inputs) {
        if (node.opset() < 5 && node.hasAttribute("shape")) {
            return node.intsAttribute("shape").orElseThrow();
        }
        ConstantTensor target = required(node, inputs, 1, "shape");
        if (!target.integral() || target.rank() != 1) {
            throw node.error("the target shape must be a 1-D integer tensor, got " + target);
        }
        return target.longs();
    }

    private static ConstantTensor reshape(OnnxNode node, List<Optional<ConstantTensor>> inputs) {
        ConstantTensor x = required(node, inputs, 0, "data");
        long[] target = reshapeTarget(node, inputs);
        return x.reshaped(ShapeRules.reshape(node, x.dims(), target, node.intAttribute("allowzero", 0) != 0));
    }

    private static ConstantTensor cast(OnnxNode node, ConstantTensor x) {
        long to = node.intAttribute("to", -1);
        TensorProto.DataType type = TensorProto.DataType.forNumber((int) to);
        if (type == null) {
            throw node.error("attribute 'to' is missing or not an element type: " + to);
        }
        double[] v = x.values().clone();
        boolean integral;
        switch (type) {
            case FLOAT -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) v[i];
                }
                integral = false;
            }
            case DOUBLE -> integral = false;
            case INT64, INT32, INT16, INT8, UINT8 -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = v[i] < 0 ? Math.ceil(v[i]) : Math.floor(v[i]);
                }
                integral = true;
            }
            case BOOL -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = v[i] != 0 ? 1 : 0;
                }
                integral = true;
            }
            default -> throw node.error("cast to " + type + " is not supported");
        }
        return new ConstantTensor(x.dims(), v, integral);
    }

    private static ConstantTensor transpose(OnnxNode node, ConstantTensor x) {
        int[] dims = x.dims();
        int[] perm = ShapeRules.permutation(node, dims.length);
        int[] outDims = ShapeRules.permute(dims, perm);
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int k = dims.length - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= dims[k];
        }
        double[] out = new double[x.size()];
        int[] index = new int[dims.length];
        for (int o = 0; o < out.length; o++) {
            int source = 0;
            for (int k = 0; k < perm.length; k++) {
                source += index[k] * strides[perm[k]];
            }
            out[o] = x.values()[source];
            for (int k = outDims.length - 1; k >= 0; k--) {
                if (++index[k] < outDims[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return new ConstantTensor(outDims, out, x.integral());
    }

    private static ConstantTensor concat(OnnxNode node, List<Optional<ConstantTensor>> inputs) {
        ConstantTensor first = required(node, inputs, 0, "input");
        int rank = first.rank();
        if (!node.hasAttribute("axis")) {
            throw node.error("attribute 'axis' is missing");
        }
        int axis = ShapeRules.axis(node, node.intAttribute("axis", 0), rank, "axis");
        int[] outDims = first.dims();
        outDims[axis] = 0;
        boolean integral = true;
        for (int i = 0; i < inputs.size(); i++) {
            ConstantTensor t = required(node, inputs, i, "input");
            int[] d = t.dims();
            for (int k = 0; k < rank; k++) {
                if (d.length != rank || (k != axis && d[k] != first.dims()[k])) {
                    throw node.error("input " + i + " of shape " + ShapeRules.show(d) + " does not fit input 0 of"
                            + " shape " + ShapeRules.show(first.dims()) + " along axis " + axis);
                }
            }
            outDims[axis] += d[axis];
            integral &= t.integral();
        }
        int outer = 1;
        for (int k = 0; k < axis; k++) {
            outer *= outDims[k];
        }
        double[] out = new double[ConstantTensor.allocatable(outDims)];
        int n = 0;
        for (int o = 0; o < outer; o++) {
            for (Optional<ConstantTensor> input : inputs) {
                ConstantTensor t = input.orElseThrow();
                int block = t.size() / outer;
                System.arraycopy(t.values(), o * block, out, n, block);
                n += block;
            }
        }
        return new ConstantTensor(outDims, out, integral);
    }

    private static ConstantTensor gather(OnnxNode node, ConstantTensor data, ConstantTensor indices) {
        int[] dims = data.dims();
        int axis = ShapeRules.axis(node, node.intAttribute("axis", 0), dims.length, "axis");
        int[] idxDims = indices.dims();
        int[] outDims = new int[dims.length - 1 + idxDims.length];
        System.arraycopy(dims, 0, outDims, 0, axis);
        System.arraycopy(idxDims, 0, outDims, axis, idxDims.length);
        System.arraycopy(dims, axis + 1, outDims, axis + idxDims.length, dims.length - axis - 1);
        int outer = 1;
        for (int k = 0; k < axis; k++) {
            outer *= dims[k];
        }
        int inner = 1;
        for (int k = axis + 1; k < dims.length; k++) {
            inner *= dims[k];
        }
        long[] idx = indices.longs();
        double[] out = new double[ConstantTensor.allocatable(outDims)];
        int n = 0;
        for (int o = 0; o < outer; o++) {
            for (long raw : idx) {
                long i = raw < 0 ? raw + dims[axis] : raw;
                if (i < 0 || i >= dims[axis]) {
                    throw node.error("index " + raw + " is out of range for axis " + axis + " of extent "
                            + dims[axis]);
                }
                System.arraycopy(data.values(), (o * dims[axis] + (int) i) * inner, out, n, inner);
                n += inner;
            }
        }
        return new ConstantTensor(outDims, out, data.integral());
    }

    private static ConstantTensor slice(OnnxNode node, List<Optional<ConstantTensor>> inputs) {
        ConstantTensor data = required(node, inputs, 0, "data");
        int[] dims = data.dims();
        long[] starts;
        long[] ends;
        Optional<long[]> axes;
        Optional<long[]> steps;
        if (node.opset() < 10) {
            starts = node.intsAttribute("starts").orElseThrow(() -> node.error("attribute 'starts' is missing"));
            ends = node.intsAttribute("ends").orElseThrow(() -> node.error("attribute 'ends' is missing"));
            axes = node.intsAttribute("axes");
            steps = Optional.empty();
        } else {
            starts = required(node, inputs, 1, "starts").longs();
            ends = required(node, inputs, 2, "ends").longs();
            axes = inputs.size() > 3 ? inputs.get(3).map(ConstantTensor::longs) : Optional.empty();
            steps = inputs.size() > 4 ? inputs.get(4).map(ConstantTensor::longs) : Optional.empty();
        }
        if (ends.length != starts.length || axes.map(a -> a.length != starts.length).orElse(false)
                || steps.map(t -> t.length != starts.length).orElse(false)) {
            throw node.error("starts, ends, axes and steps must have the same length");
        }
        int rank = dims.length;
        long[] begin = new long[rank];
        long[] step = new long[rank];
        int[] outDims = dims.clone();
        Arrays.fill(step, 1);
        for (int j = 0; j < starts.length; j++) {
            int slot = j;
            int k = axes.map(a -> ShapeRules.axis(node, a[slot], rank, "axis")).orElse(j);
            long s = steps.map(t -> t[slot]).orElse(1L);
            if (s == 0) {
                throw node.error("slice step 0 on axis " + k);
            }
            long d = dims[k];
            long b = starts[j] < 0 ? starts[j] + d : starts[j];
            long e = ends[j] < 0 ? ends[j] + d : ends[j];
            if (s > 0) {
                b = Math.max(0, Math.min(d, b));
                e = Math.max(0, Math.min(d, e));
                outDims[k] = (int) Math.max(0, (e - b + s - 1) / s);
            } else {
                b = Math.max(-1, Math.min(d - 1, b));
                e = Math.max(-1, Math.min(d - 1, e));
                outDims[k] = (int) Math.max(0, (b - e - s - 1) / -s);
            }
            begin[k] = b;
            step[k] = s;
        }
        int[] strides = new int[rank];
        int stride = 1;
        for (int k = rank - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= dims[k];
        }
        double[] out = new double[ConstantTensor.allocatable(outDims)];
        int[] index = new int[rank];
        for (int o = 0; o < out.length; o++) {
            long source = 0;
            for (int k = 0; k < rank; k++) {
                source += (begin[k] + index[k] * step[k]) * strides[k];
            }
            out[o] = data.values()[(int) source];
            for (int k = rank - 1; k >= 0; k--) {
                if (++index[k] < outDims[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return new ConstantTensor(outDims, out, data.integral());
    }

    private static ConstantTensor constantOfShape(OnnxNode node, ConstantTensor shape) {
        long[] d = shape.longs();
        int[] dims = new int[d.length];
        for (int k = 0; k < d.length; k++) {
            if (d[k] < 0 || d[k] > Integer.MAX_VALUE) {
                throw node.error("shape " + Arrays.toString(d) + " has the invalid dimension " + d[k]);
            }
            dims[k] = (int) d[k];
        }
        Optional<ConstantTensor> value = node.tensorAttribute("value");
        double fill = value.map(v -> v.values()[0]).orElse(0.0);
        double[] out = new double[ConstantTensor.allocatable(dims)];
        Arrays.fill(out, fill);
        return new ConstantTensor(dims, out, value.map(ConstantTensor::integral).orElse(false));
    }

    private static ConstantTensor arithmetic(OnnxNode node, ConstantTensor a, ConstantTensor b) {
        int[] dims = ShapeRules.broadcast(node, a.dims(), b.dims());
        double[] x = a.broadcastTo(dims);
        double[] y = b.broadcastTo(dims);
        boolean integral = a.integral() && b.integral();
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (node.opType()) {
                case "Add" -> x[i] + y[i];
                case "Sub" -> x[i] - y[i];
                case "Mul" -> x[i] * y[i];
                default -> {
                    if (integral && y[i] == 0) {
                        throw node.error("integer division by zero");
                    }
                    double q = x[i] / y[i];
                    yield integral ? (q < 0 ? Math.ceil(q) : Math.floor(q)) : q;
                }
            };
        }
        return new ConstantTensor(dims, out, integral);
    }
}
