package io.exactline.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.exactline.core.layer.AveragePool2d;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Merge;
import io.exactline.core.layer.Parallel;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Sigmoid;
import io.exactline.core.layer.Tanh;
import io.exactline.core.layer.Transpose;
import io.exactline.core.layer.Window2d;
import io.exactline.core.network.Network;
import io.exactline.core.network.NetworkFormatException;
import io.exactline.core.network.Shape;

/**
 * Turns an ONNX graph into a chain of layers: walks the nodes in dependency order, folds everything that does
 * not depend on the input into constants, and maps each node on the path from the input to the output onto
 * layers. Where the graph forks and joins again (Concat, or Add/Sum of two tensors computed from the input, as in
 * a residual connection), the branches become one {@link Parallel} layer.
 */
final class GraphTranslator {
    private final String file;
    private final long opset;
    private final Map<String, TensorValue> values = new HashMap<>();
    /** Tensor names the loader defines no value for, with the reason (e.g. a MaxPool's Indices output). */
    private final Map<String, String> unavailable = new HashMap<>();

    GraphTranslator(String file, long opset) {
        this.file = file;
        this.opset = opset;
    }

    /** The layers computing the graph's only output from its only non-constant input, input side first. */
    List<Layer> translate(GraphProto graph) {
        for (TensorProto t : graph.getInitializerList()) {
            try {
                values.put(t.getName(), ConstantTensor.decode(t));
            } catch (IllegalArgumentException e) {
                throw new NetworkFormatException(file, "initializer '" + t.getName() + "'", e.getMessage());
            }
        }
        List<ValueInfoProto> inputs = graph.getInputList().stream()
                .filter(v -> !values.containsKey(v.getName())).toList();
        if (inputs.size() != 1) {
            throw new NetworkFormatException(file, "graph inputs", "the graph has " + inputs.size()
                    + " inputs that are not initializers (" + quoted(inputs) + "); exactly one (the network input)"
                    + " is supported");
        }
        values.put(inputs.get(0).getName(), Flow.input(inputDims(inputs.get(0))));
        for (OnnxNode node : sorted(graph)) {
            translate(node);
        }
        if (graph.getOutputCount() != 1) {
            throw new NetworkFormatException(file, "graph outputs", "the graph has " + graph.getOutputCount()
                    + " outputs (" + quoted(graph.getOutputList()) + "); exactly one is supported");
        }
        String output = graph.getOutput(0).getName();
        TensorValue result = values.get(output);
        if (!(result instanceof Flow flow)) {
            String why = result == null ? unavailable.getOrDefault(output, "no node computes it")
                    : "it is a constant that does not depend on the input";
            throw new NetworkFormatException(file, "graph output '" + output + "'", why);
        }
        if (flow.layers().isEmpty()) {
            return List.of(new Reshape(flow.shape(), flow.shape()));
        }
        return flow.layers();
    }

    private static String quoted(List<ValueInfoProto> values) {
        return String.join(", ", values.stream().map(v -> "'" + v.getName() + "'").toList());
    }

    private int[] inputDims(ValueInfoProto input) {
        String position = "graph input '" + input.getName() + "'";
        if (!input.getType().hasTensorType()) {
            throw new NetworkFormatException(file, position, "is not a tensor");
        }
        int elementType = input.getType().getTensorType().getElemType();
        if (elementType != TensorProto.DataType.FLOAT_VALUE && elementType != TensorProto.DataType.DOUBLE_VALUE) {
            throw new NetworkFormatException(file, position, "has element type "
                    + TensorProto.DataType.forNumber(elementType) + "; the network input must be float or double");
        }
        if (!input.getType().getTensorType().hasShape()) {
            throw new NetworkFormatException(file, position, "has no shape; export the model with a fixed input"
                    + " shape");
        }
        List<TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
        int[] out = new int[dims.size()];
        for (int k = 0; k < out.length; k++) {
            TensorShapeProto.Dimension d = dims.get(k);
            if (d.hasDimValue() && d.getDimValue() > 0 && d.getDimValue() <= Integer.MAX_VALUE) {
                out[k] = (int) d.getDimValue();
            } else if (k == 0 && !d.hasDimValue()) {
                out[k] = 1; // a symbolic batch dimension: one input at a time
            } else {
                throw new NetworkFormatException(file, position, "dimension " + k + " is "
                        + (d.hasDimValue() ? d.getDimValue() : "symbolic ('" + d.getDimParam() + "')")
                        + "; only the first (batch) dimension may be symbolic");
            }
        }
        return out;
    }

    /** The nodes in an order where every node comes after the nodes computing its inputs. */
    private List<OnnxNode> sorted(GraphProto graph) {
        Set<String> known = new HashSet<>(values.keySet());
        known.add("");
        List<NodeProto> pending = new ArrayList<>(graph.getNodeList());
        List<Integer> pendingIndex = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            pendingIndex.add(i);
        }
        List<OnnxNode> order = new ArrayList<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (int i = 0; i < pending.size(); i++) {
                NodeProto n = pending.get(i);
                if (known.containsAll(n.getInputList())) {
                    order.add(new OnnxNode(n, pendingIndex.get(i), file, opset));
                    known.addAll(n.getOutputList());
                    pending.remove(i);
                    pendingIndex.remove(i);
                    i--;
                    progress = true;
                }
            }
        }
        if (!pending.isEmpty()) {
            OnnxNode stuck = new OnnxNode(pending.get(0), pendingIndex.get(0), file, opset);
            String missing = stuck.inputs().stream().filter(s -> !known.contains(s)).findFirst().orElse("?");
            throw stuck.error("input '" + missing + "' is not an initializer, a graph input or the output of any"
                    + " node (or the graph has a cycle)");
        }
        return order;
    }

    private void translate(OnnxNode node) {
        if (!node.inDefaultDomain()) {
            throw node.error("operator " + node.domain() + "." + node.opType() + " is not supported (only the"
                    + " default ONNX domain is)");
        }
        if (node.outputs().isEmpty()) {
            throw node.error("has no outputs");
        }
        List<Optional<TensorValue>> inputs = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            Optional<String> name = node.input(i);
            if (name.isEmpty()) {
                inputs.add(Optional.empty());
                continue;
            }
            TensorValue v = values.get(name.get());
            if (v == null) {
                throw node.error("input '" + name.get() + "' is not available: "
                        + unavailable.getOrDefault(name.get(), "it is not defined"));
            }
            inputs.add(Optional.of(v));
            if (v instanceof Flow f) {
                flows.add(f);
            }
        }
        for (int k = 1; k < node.outputs().size(); k++) {
            unavailable.put(node.outputs().get(k), "output " + k + " of " + node.position() + " is not supported");
        }
        if (node.opType().equals("Constant")) {
            values.put(node.outputs().get(0), constantNode(node));
        } else if (node.opType().equals("Shape")) {
            values.put(node.outputs().get(0), ConstantFolding.shape(node, inputs.get(0)
                    .orElseThrow(() -> node.error("input 0 is missing")).dims()));
        } else if (flows.isEmpty()) {
            List<Optional<ConstantTensor>> constants = inputs.stream()
                    .map(o -> o.map(ConstantTensor.class::cast)).toList();
            values.put(node.outputs().get(0), ConstantFolding.fold(node, constants));
        } else if (flows.size() > 1) {
            values.put(node.outputs().get(0), join(node, inputs, flows));
        } else {
            values.put(node.outputs().get(0), translateFlow(node, inputs, flows.get(0)));
        }
    }

    /**
     * A node that combines several tensors computed from the input: Concat, or Add/Sum of same-shaped tensors. The
     * chains of the inputs share a prefix (the layers up to where the graph forks); the rest of each chain becomes
     * a branch of one {@link Parallel} layer after that prefix.
     */
    private Flow join(OnnxNode node, List<Optional<TensorValue>> inputs, List<Flow> flows) {
        String op = node.opType();
        if (!op.equals("Concat") && !op.equals("Add") && !op.equals("Sum")) {
            throw node.error("combines " + flows.size() + " tensors computed from the network input; of such joins"
                    + " only Concat, Add and Sum are supported");
        }
        if (flows.size() != inputs.size()) {
            throw node.error("mixes tensors computed from the network input with constants; a join of branches"
                    + " takes only computed tensors");
        }
        int[] first = flows.get(0).dims();
        int[] outDims = first.clone();
        Merge merge;
        if (op.equals("Concat")) {
            if (!node.hasAttribute("axis")) {
                throw node.error("has no 'axis' attribute (it is required for Concat)");
            }
            int axis = ShapeRules.axis(node, node.intAttribute("axis", 0), first.length, "axis");
            for (Flow f : flows.subList(1, flows.size())) {
                int[] dims = f.dims();
                if (dims.length != first.length) {
                    throw node.error("concatenates tensors of ranks " + first.length + " and " + dims.length);
                }
                for (int k = 0; k < dims.length; k++) {
                    if (k != axis && dims[k] != first[k]) {
                        throw node.error("concatenates " + Arrays.toString(first) + " and " + Arrays.toString(dims)
                                + " along axis " + axis + ", but they differ on axis " + k);
                    }
                }
                outDims[axis] += dims[axis];
            }
            boolean batched = Flow.layerShape(first).rank() < first.length;
            if (batched && axis == 0) {
                throw node.error("concatenates along the batch axis; only one input at a time is supported");
            }
            merge = new Merge.Concat(batched ? axis - 1 : axis);
        } else {
            for (Flow f : flows) {
                if (!Arrays.equals(f.dims(), first)) {
                    throw node.error("adds tensors of shapes " + Arrays.toString(first) + " and "
                            + Arrays.toString(f.dims()) + "; adding computed tensors needs equal shapes (no"
                            + " broadcasting)");
                }
            }
            merge = new Merge.Sum();
        }
        int prefix = commonPrefix(flows);
        List<Layer> shared = flows.get(0).layers().subList(0, prefix);
        Shape fork = prefix == 0 ? flows.get(0).inputShape() : shared.get(prefix - 1).outputShape();
        List<Network> branches = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            List<Layer> rest = flows.get(i).layers().subList(prefix, flows.get(i).layers().size());
            branches.add(new Network(rest.isEmpty() ? List.of(new Reshape(fork, fork)) : rest,
                    file + " " + node.position() + " branch " + i));
        }
        Parallel parallel;
        try {
            parallel = new Parallel(fork, branches, merge);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        List<Layer> chain = new ArrayList<>(shared);
        chain.add(parallel);
        Flow joined = new Flow(outDims, flows.get(0).inputShape(), chain);
        if (!parallel.outputShape().equals(joined.shape())) {
            chain.add(new Reshape(parallel.outputShape(), joined.shape()));
            joined = new Flow(outDims, flows.get(0).inputShape(), chain);
        }
        return joined;
    }

    /** The number of leading layers every flow shares (the same layer objects: the chain before the fork). */
    private static int commonPrefix(List<Flow> flows) {
        int prefix = 0;
        while (true) {
            for (Flow f : flows) {
                if (f.layers().size() <= prefix || f.layers().get(prefix) != flows.get(0).layers().get(prefix)) {
                    return prefix;
                }
            }
            prefix++;
        }
    }

    private ConstantTensor constantNode(OnnxNode node) {
        Optional<ConstantTensor> tensor = node.tensorAttribute("value");
        if (tensor.isPresent()) {
            return tensor.get();
        }
        if (node.hasAttribute("value_float")) {
            return new ConstantTensor(new int[0], new double[] {node.floatAttribute("value_float", 0)}, false);
        }
        if (node.hasAttribute("value_floats")) {
            double[] v = node.floatsAttribute("value_floats").orElseThrow();
            return new ConstantTensor(new int[] {v.length}, v, false);
        }
        if (node.hasAttribute("value_int")) {
            return new ConstantTensor(new int[0], new double[] {node.intAttribute("value_int", 0)}, true);
        }
        if (node.hasAttribute("value_ints")) {
            return ConstantTensor.ofInts(node.intsAttribute("value_ints").orElseThrow());
        }
        throw node.error("has no value attribute this loader reads (value, value_float(s), value_int(s))");
    }

    private static ConstantTensor constant(OnnxNode node, List<Optional<TensorValue>> inputs, int i, String what) {
        if (i >= inputs.size() || inputs.get(i).isEmpty()) {
            throw node.error("input " + i + " (" + what + ") is missing");
        }
        if (!(inputs.get(i).get() instanceof ConstantTensor c)) {
            throw node.error("input " + i + " (" + what + ", '" + node.inputs().get(i) + "') must be a constant"
                    + " (an initializer or computed from constants), but it depends on the network input");
        }
        return c;
    }

    private static Optional<ConstantTensor> optionalConstant(OnnxNode node, List<Optional<TensorValue>> inputs,
            int i, String what) {
        return i < inputs.size() && inputs.get(i).isPresent() ? Optional.of(constant(node, inputs, i, what))
                : Optional.empty();
    }

    private static List<Optional<ConstantTensor>> constantsAfterFirst(OnnxNode node,
            List<Optional<TensorValue>> inputs) {
        List<Optional<ConstantTensor>> out = new ArrayList<>();
        out.add(Optional.empty());
        for (int i = 1; i < inputs.size(); i++) {
            out.add(optionalConstant(node, inputs, i, "input " + i));
        }
        return out;
    }

    private Flow translateFlow(OnnxNode node, List<Optional<TensorValue>> inputs, Flow x) {
        if (inputs.get(0).isEmpty() || inputs.get(0).get() != x) {
            return switch (node.opType()) {
                case "Add", "Mul" -> elementwise(node, x, constant(node, inputs, 0, "A"), true);
                case "Sub", "Div" -> elementwise(node, x, constant(node, inputs, 0, "A"), false);
                case "MatMul" -> matMulLeft(node, constant(node, inputs, 0, "A"), x);
                case "Gemm" -> gemmRight(node, inputs, x);
                default -> throw node.error("its first input must be the tensor computed from the network input");
            };
        }
        int[] dims = x.dims();
        return switch (node.opType()) {
            case "Identity" -> x;
            case "Dropout" -> dropout(node, inputs, x);
            case "Cast" -> cast(node, x);
            case "Flatten" -> x.reshaped(ShapeRules.flatten(node, dims, node.intAttribute("axis", 1)));
            case "Reshape" -> x.reshaped(ShapeRules.reshape(node, dims,
                    ConstantFolding.reshapeTarget(node, constantsAfterFirst(node, inputs)),
                    node.intAttribute("allowzero", 0) != 0));
            case "Squeeze" -> x.reshaped(ShapeRules.squeeze(node, dims,
                    ConstantFolding.axes(node, constantsAfterFirst(node, inputs), false)));
            case "Unsqueeze" -> x.reshaped(ShapeRules.unsqueeze(node, dims,
                    ConstantFolding.axes(node, constantsAfterFirst(node, inputs), true)));
            case "Transpose" -> transpose(node, x);
            case "Relu" -> x.then(dims, new Relu(x.shape()));
            case "LeakyRelu" -> x.then(dims, new LeakyRelu(x.shape(), node.floatAttribute("alpha", 0.01)));
            case "Sigmoid" -> x.then(dims, new Sigmoid(x.shape()));
            case "Tanh" -> x.then(dims, new Tanh(x.shape()));
            case "Clip" -> clip(node, inputs, x);
            case "Neg" -> x.then(dims, ElementwiseAffine.uniform(x.shape(), -1, 0));
            case "Add", "Sub", "Mul", "Div" -> elementwise(node, x, constant(node, inputs, 1, "B"), true);
            case "MatMul" -> matMulRight(node, x, constant(node, inputs, 1, "B"));
            case "Gemm" -> gemm(node, inputs, x);
            case "BatchNormalization" -> batchNorm(node, inputs, x);
            case "Conv" -> conv(node, inputs, x);
            case "MaxPool" -> maxPool(node, x);
            case "AveragePool" -> averagePool(node, x);
            case "GlobalAveragePool" -> globalAveragePool(node, x);
            case "Pad" -> pad(node, inputs, x);
            default -> throw node.error("operator " + node.opType() + " is not supported");
        };
    }

    private static Flow dropout(OnnxNode node, List<Optional<TensorValue>> inputs, Flow x) {
        Optional<ConstantTensor> training = optionalConstant(node, inputs, 2, "training_mode");
        if (training.isPresent() && training.get().values()[0] != 0) {
            throw node.error("dropout in training mode is random; export the model for inference");
        }
        return x;
    }

    private static Flow cast(OnnxNode node, Flow x) {
        long to = node.intAttribute("to", -1);
        if (to != TensorProto.DataType.FLOAT_VALUE && to != TensorProto.DataType.DOUBLE_VALUE) {
            throw node.error("cast of the network's tensor to " + TensorProto.DataType.forNumber((int) to)
                    + " is not supported (only to float or double)");
        }
        return x;
    }

    private static Flow transpose(OnnxNode node, Flow x) {
        int[] dims = x.dims();
        int[] perm = ShapeRules.permutation(node, dims.length);
        int[] outDims = ShapeRules.permute(dims, perm);
        if (keepsOrderOfLongAxes(dims, perm)) {
            return x.reshaped(outDims);
        }
        boolean batchStays = dims.length >= 2 && dims[0] == 1 && perm[0] == 0;
        if (batchStays) {
            int[] inner = new int[perm.length - 1];
            for (int k = 1; k < perm.length; k++) {
                inner[k - 1] = perm[k] - 1;
            }
            return x.then(outDims, new Transpose(x.shape(), inner));
        }
        Shape full = Shape.of(dims);
        return x.then(outDims, new Reshape(x.shape(), full), new Transpose(full, perm));
    }

    /** Whether the permutation only moves axes of extent 1, so that it does not move any data. */
    private static boolean keepsOrderOfLongAxes(int[] dims, int[] perm) {
        int last = -1;
        for (int axis : perm) {
            if (dims[axis] != 1) {
                if (axis < last) {
                    return false;
                }
                last = axis;
            }
        }
        return true;
    }

    private static Flow clip(OnnxNode node, List<Optional<TensorValue>> inputs, Flow x) {
        double min;
        double max;
        if (node.opset() < 11) {
            min = node.floatAttribute("min", Double.NEGATIVE_INFINITY);
            max = node.floatAttribute("max", Double.POSITIVE_INFINITY);
        } else {
            min = optionalConstant(node, inputs, 1, "min").map(c -> scalar(node, c, "min"))
                    .orElse(Double.NEGATIVE_INFINITY);
            max = optionalConstant(node, inputs, 2, "max").map(c -> scalar(node, c, "max"))
                    .orElse(Double.POSITIVE_INFINITY);
        }
        int[] dims = x.dims();
        Shape s = x.shape();
        if (Double.isInfinite(min) && Double.isInfinite(max)) {
            return x;
        }
        if (min == 0 && Double.isInfinite(max)) {
            return x.then(dims, new Relu(s));
        }
        if (Double.isInfinite(max)) {
            // max(x, min) = min + relu(x - min)
            return x.then(dims, ElementwiseAffine.uniform(s, 1, -min), new Relu(s),
                    ElementwiseAffine.uniform(s, 1, min));
        }
        if (Double.isInfinite(min)) {
            // min(x, max) = max - relu(max - x)
            return x.then(dims, ElementwiseAffine.uniform(s, -1, max), new Relu(s),
                    ElementwiseAffine.uniform(s, -1, max));
        }
        if (!(min < max)) {
            throw node.error("bounds min " + min + " and max " + max + " leave no linear part (need min < max)");
        }
        return x.then(dims, new HardTanh(s, min, max));
    }

    private static double scalar(OnnxNode node, ConstantTensor c, String what) {
        if (c.size() != 1) {
            throw node.error(what + " must be a scalar, got shape " + ShapeRules.show(c.dims()));
        }
        return c.values()[0];
    }

    /**
     * {@code x op c} ({@code flowFirst}) or {@code c op x} for a constant {@code c} that broadcasts to x's shape,
     * as an element-wise affine layer.
     */
    private static Flow elementwise(OnnxNode node, Flow x, ConstantTensor c, boolean flowFirst) {
        int[] dims = x.dims();
        int[] out = ShapeRules.broadcast(node, dims, c.dims());
        if (!Arrays.equals(out, dims)) {
            throw node.error("the constant of shape " + ShapeRules.show(c.dims()) + " would broadcast the input "
                    + ShapeRules.show(dims) + " to " + ShapeRules.show(out) + "; only constants that keep the"
                    + " input's shape are supported");
        }
        double[] k = c.broadcastTo(dims);
        double[] scale = new double[k.length];
        double[] shift = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            switch (node.opType()) {
                case "Add" -> {
                    scale[i] = 1;
                    shift[i] = k[i];
                }
                case "Sub" -> {
                    scale[i] = flowFirst ? 1 : -1;
                    shift[i] = flowFirst ? -k[i] : k[i];
                }
                case "Mul" -> scale[i] = k[i];
                default -> {
                    if (!flowFirst) {
                        throw node.error("dividing a constant by the network's tensor is not piecewise linear");
                    }
                    if (k[i] == 0) {
                        throw node.error("divides by zero (element " + i + " of the constant)");
                    }
                    scale[i] = 1 / k[i];
                }
            }
        }
        return x.then(dims, new ElementwiseAffine(x.shape(), scale, shift));
    }

    /** {@code x W} for a constant matrix {@code W} of shape {@code [K, N]}. */
    private static Flow matMulRight(OnnxNode node, Flow x, ConstantTensor w) {
        int[] dims = x.dims();
        int[] wd = squeezeLeading(w.dims());
        if (wd.length != 2 || dims.length == 0 || dims[dims.length - 1] != wd[0]) {
            throw node.error("cannot multiply the input " + ShapeRules.show(dims) + " by the constant "
                    + ShapeRules.show(w.dims()) + "; a [K, N] matrix with K the input's last dimension is supported");
        }
        requireSingleRow(node, dims, dims.length - 1);
        int k = wd[0];
        int n = wd[1];
        double[][] weights = new double[n][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                weights[j][i] = w.values()[i * n + j];
            }
        }
        int[] out = dims.clone();
        out[out.length - 1] = n;
        return x.then(out, new Dense(weights, new double[n], x.shape()));
    }

    /**
     * {@code W x} for a constant matrix {@code W} of shape {@code [M, K]} and x of shape {@code [K]} or
     * {@code [K, 1]}.
     */
    private static Flow matMulLeft(OnnxNode node, ConstantTensor w, Flow x) {
        int[] dims = x.dims();
        int[] wd = squeezeLeading(w.dims());
        boolean vector = dims.length == 1;
        int k = vector ? dims[0] : dims.length >= 2 ? dims[dims.length - 2] : -1;
        if (wd.length != 2 || wd[1] != k || (!vector && dims[dims.length - 1] != 1)) {
            throw node.error("cannot multiply the constant " + ShapeRules.show(w.dims()) + " by the input "
                    + ShapeRules.show(dims) + "; a [M, K] matrix times a [K] or [K, 1] input is supported");
        }
        if (!vector) {
            requireSingleRow(node, dims, dims.length - 2);
        }
        int m = wd[0];
        double[][] weights = new double[m][];
        for (int i = 0; i < m; i++) {
            weights[i] = Arrays.copyOfRange(w.values(), i * k, (i + 1) * k);
        }
        int[] out = dims.clone();
        out[vector ? 0 : dims.length - 2] = m;
        return x.then(out, new Dense(weights, new double[m], x.shape()));
    }

    private static int[] squeezeLeading(int[] dims) {
        int start = 0;
        while (dims.length - start > 2 && dims[start] == 1) {
            start++;
        }
        return Arrays.copyOfRange(dims, start, dims.length);
    }

    /** Checks that the axes before {@code axis} hold a single row (a batch of one). */
    private static void requireSingleRow(OnnxNode node, int[] dims, int axis) {
        for (int k = 0; k < axis; k++) {
            if (dims[k] != 1) {
                throw node.error("the input " + ShapeRules.show(dims) + " holds " + dims[k] + " rows along axis " + k
                        + "; only a single row (batch of one) is supported");
            }
        }
    }

    /** Gemm {@code alpha A' B' + beta C} with A the network's tensor. */
    private static Flow gemm(OnnxNode node, List<Optional<TensorValue>> inputs, Flow a) {
        int[] dims = a.dims();
        boolean transA = node.intAttribute("transA", 0) != 0;
        if (dims.length != 2 || dims[transA ? 1 : 0] != 1) {
            throw node.error("input A of shape " + ShapeRules.show(dims) + " must be a single "
                    + (transA ? "column [K, 1]" : "row [1, K]"));
        }
        int k = dims[transA ? 0 : 1];
        ConstantTensor b = constant(node, inputs, 1, "B");
        double[][] bt = matrix(node, b, node.intAttribute("transB", 0) != 0, "B");
        if (bt.length != k) {
            throw node.error("B of shape " + ShapeRules.show(b.dims()) + " does not take " + k + " inputs"
                    + (node.intAttribute("transB", 0) != 0 ? " (transB = 1)" : ""));
        }
        int n = bt[0].length;
        double alpha = node.floatAttribute("alpha", 1);
        double[][] weights = new double[n][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                weights[j][i] = alpha * bt[i][j];
            }
        }
        double[] bias = gemmBias(node, inputs, new int[] {1, n});
        return a.then(new int[] {1, n}, new Dense(weights, bias, a.shape()));
    }

    /** Gemm {@code alpha A' B' + beta C} with B the network's tensor, a single column. */
    private static Flow gemmRight(OnnxNode node, List<Optional<TensorValue>> inputs, Flow b) {
        int[] dims = b.dims();
        boolean transB = node.intAttribute("transB", 0) != 0;
        if (dims.length != 2 || dims[transB ? 0 : 1] != 1) {
            throw node.error("input B of shape " + ShapeRules.show(dims) + " must be a single "
                    + (transB ? "row [1, K]" : "column [K, 1]"));
        }
        int k = dims[transB ? 1 : 0];
        ConstantTensor a = constant(node, inputs, 0, "A");
        double[][] at = matrix(node, a, node.intAttribute("transA", 0) != 0, "A");
        if (at[0].length != k) {
            throw node.error("A of shape " + ShapeRules.show(a.dims()) + " does not take " + k + " inputs");
        }
        double alpha = node.floatAttribute("alpha", 1);
        int m = at.length;
        double[][] weights = new double[m][k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                weights[i][j] = alpha * at[i][j];
            }
        }
        double[] bias = gemmBias(node, inputs, new int[] {m, 1});
        return b.then(new int[] {m, 1}, new Dense(weights, bias, b.shape()));
    }

    /** A rank-2 constant as rows, transposed if asked. */
    private static double[][] matrix(OnnxNode node, ConstantTensor t, boolean transpose, String what) {
        int[] d = t.dims();
        if (d.length != 2) {
            throw node.error(what + " must be a matrix, got shape " + ShapeRules.show(d));
        }
        int rows = transpose ? d[1] : d[0];
        int columns = transpose ? d[0] : d[1];
        double[][] m = new double[rows][columns];
        for (int i = 0; i < d[0]; i++) {
            for (int j = 0; j < d[1]; j++) {
                double v = t.values()[i * d[1] + j];
                if (transpose) {
                    m[j][i] = v;
                } else {
                    m[i][j] = v;
                }
            }
        }
        return m;
    }

    /** {@code beta C} broadcast to the output shape, flattened; zero without C. */
    private static double[] gemmBias(OnnxNode node, List<Optional<TensorValue>> inputs, int[] outDims) {
        Optional<ConstantTensor> c = optionalConstant(node, inputs, 2, "C");
        int size = outDims[0] * outDims[1];
        if (c.isEmpty()) {
            return new double[size];
        }
        int[] broadcast = ShapeRules.broadcast(node, outDims, c.get().dims());
        if (!Arrays.equals(broadcast, outDims)) {
            throw node.error("C of shape " + ShapeRules.show(c.get().dims()) + " does not broadcast to the output "
                    + ShapeRules.show(outDims));
        }
        double beta = node.floatAttribute("beta", 1);
        double[] bias = c.get().broadcastTo(outDims);
        for (int i = 0; i < bias.length; i++) {
            bias[i] *= beta;
        }
        return bias;
    }

    private static Flow batchNorm(OnnxNode node, List<Optional<TensorValue>> inputs, Flow x) {
        if (node.intAttribute("training_mode", 0) != 0) {
            throw node.error("batch normalization in training mode is not supported; export for inference");
        }
        int[] dims = x.dims();
        if (dims.length < 2) {
            throw node.error("the input " + ShapeRules.show(dims) + " has no channel axis");
        }
        int channels = dims[1];
        double[] gamma = perChannel(node, constant(node, inputs, 1, "scale"), channels, "scale");
        double[] beta = perChannel(node, constant(node, inputs, 2, "B"), channels, "B");
        double[] mean = perChannel(node, constant(node, inputs, 3, "mean"), channels, "mean");
        double[] variance = perChannel(node, constant(node, inputs, 4, "var"), channels, "var");
        double epsilon = node.floatAttribute("epsilon", 1e-5);
        int inner = 1;
        for (int k = 2; k < dims.length; k++) {
            inner *= dims[k];
        }
        int size = x.shape().size();
        double[] scale = new double[size];
        double[] shift = new double[size];
        for (int i = 0; i < size; i++) {
            int c = (i / inner) % channels;
            double a = gamma[c] / Math.sqrt(variance[c] + epsilon);
            scale[i] = a;
            shift[i] = beta[c] - mean[c] * a;
        }
        return x.then(dims, new ElementwiseAffine(x.shape(), scale, shift));
    }

    private static double[] perChannel(OnnxNode node, ConstantTensor t, int channels, String what) {
        if (t.size() != channels) {
            throw node.error(what + " of shape " + ShapeRules.show(t.dims()) + " does not have one value for each"
                    + " of the " + channels + " channels");
        }
        return t.values();
    }

    /** Checks an NCHW input with a batch of one and returns {@code [C, H, W]}. */
    private static int[] imageDims(OnnxNode node, Flow x) {
        int[] dims = x.dims();
        if (dims.length != 4) {
            throw node.error("the input " + ShapeRules.show(dims) + " is not an NCHW image; only 2-D "
                    + node.opType() + " is supported");
        }
        if (dims[0] != 1) {
            throw node.error("the input " + ShapeRules.show(dims) + " holds a batch of " + dims[0]
                    + "; only a batch of one is supported");
        }
        return new int[] {dims[1], dims[2], dims[3]};
    }

    private static Flow conv(OnnxNode node, List<Optional<TensorValue>> inputs, Flow x) {
        int[] image = imageDims(node, x);
        ConstantTensor w = constant(node, inputs, 1, "W");
        int[] wd = w.dims();
        int groups = (int) node.intAttribute("group", 1);
        if (wd.length != 4 || groups <= 0 || wd[1] * groups != image[0] || wd[0] % groups != 0) {
            throw node.error("the kernel of shape " + ShapeRules.show(wd) + " with " + groups + " group(s) does not"
                    + " fit the input " + ShapeRules.show(x.dims()) + " (expected [Cout, " + image[0] + "/group, kh,"
                    + " kw])");
        }
        node.intsAttribute("kernel_shape").ifPresent(ks -> {
            if (ks.length != 2 || ks[0] != wd[2] || ks[1] != wd[3]) {
                throw node.error("kernel_shape " + Arrays.toString(ks) + " does not match the kernel "
                        + ShapeRules.show(wd));
            }
        });
        double[] bias = optionalConstant(node, inputs, 2, "B").map(b -> perChannel(node, b, wd[0], "B"))
                .orElse(new double[wd[0]]);
        Window2d window = window(node, image, new long[] {wd[2], wd[3]});
        Conv2d layer = build(node, () -> new Conv2d(x.shape(), wd[0], groups, window, w.values(), bias));
        return x.then(batched(layer.outputShape()), layer);
    }

    private static Flow maxPool(OnnxNode node, Flow x) {
        int[] image = imageDims(node, x);
        if (node.intAttribute("ceil_mode", 0) != 0) {
            throw node.error("ceil_mode = 1 is not supported");
        }
        Window2d window = window(node, image, kernelShape(node));
        MaxPool2d layer = build(node, () -> new MaxPool2d(x.shape(), window));
        return x.then(batched(layer.outputShape()), layer);
    }

    private static Flow averagePool(OnnxNode node, Flow x) {
        int[] image = imageDims(node, x);
        if (node.intAttribute("ceil_mode", 0) != 0) {
            throw node.error("ceil_mode = 1 is not supported");
        }
        Window2d window = window(node, image, kernelShape(node));
        boolean includePad = node.intAttribute("count_include_pad", 0) != 0;
        AveragePool2d layer = build(node, () -> new AveragePool2d(x.shape(), window, includePad));
        return x.then(batched(layer.outputShape()), layer);
    }

    private static Flow globalAveragePool(OnnxNode node, Flow x) {
        int[] image = imageDims(node, x);
        AveragePool2d layer = new AveragePool2d(x.shape(), Window2d.of(image[1], image[2]), false);
        return x.then(batched(layer.outputShape()), layer);
    }

    private static long[] kernelShape(OnnxNode node) {
        long[] k = node.intsAttribute("kernel_shape")
                .orElseThrow(() -> node.error("attribute 'kernel_shape' is missing"));
        if (k.length != 2) {
            throw node.error("kernel_shape " + Arrays.toString(k) + " is not 2-D; only 2-D pooling is supported");
        }
        return k;
    }

    private static int[] batched(Shape shape) {
        int[] d = shape.dims();
        int[] out = new int[d.length + 1];
        out[0] = 1;
        System.arraycopy(d, 0, out, 1, d.length);
        return out;
    }

    /** Builds a layer or window, reporting a rejected geometry against the node. */
    private static <T> T build(OnnxNode node, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    /** The window of a Conv or pooling node: strides, pads (or auto_pad) and dilations from its attributes. */
    private static Window2d window(OnnxNode node, int[] image, long[] kernel) {
        long[] strides = pair(node, "strides");
        long[] dilations = pair(node, "dilations");
        long[] pads = node.intsAttribute("pads").orElse(new long[4]);
        if (pads.length != 4) {
            throw node.error("pads " + Arrays.toString(pads) + " must have 4 entries (top, left, bottom, right)");
        }
        String autoPad = node.stringAttribute("auto_pad", "NOTSET");
        switch (autoPad) {
            case "NOTSET" -> {
            }
            case "VALID" -> pads = new long[4];
            case "SAME_UPPER", "SAME_LOWER" -> {
                pads = new long[4];
                for (int axis = 0; axis < 2; axis++) {
                    long in = image[axis + 1];
                    long out = (in + strides[axis] - 1) / strides[axis];
                    long total = Math.max(0, (out - 1) * strides[axis] + (kernel[axis] - 1) * dilations[axis] + 1 - in);
                    long small = total / 2;
                    pads[axis] = autoPad.equals("SAME_UPPER") ? small : total - small;
                    pads[axis + 2] = total - pads[axis];
                }
            }
            default -> throw node.error("auto_pad '" + autoPad + "' is not one of NOTSET, VALID, SAME_UPPER,"
                    + " SAME_LOWER");
        }
        long[] p = pads;
        return build(node, () -> new Window2d(toInt(node, kernel[0]), toInt(node, kernel[1]),
                toInt(node, strides[0]), toInt(node, strides[1]), toInt(node, p[0]), toInt(node, p[1]),
                toInt(node, p[2]), toInt(node, p[3]), toInt(node, dilations[0]), toInt(node, dilations[1])));
    }

    private static long[] pair(OnnxNode node, String name) {
        long[] v = node.intsAttribute(name).orElse(new long[] {1, 1});
        if (v.length != 2) {
            throw node.error(name + " " + Arrays.toString(v) + " must have 2 entries");
        }
        return v;
    }

    private static int toInt(OnnxNode node, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw node.error("attribute value " + v + " is out of range");
        }
        return (int) v;
    }

    private static Flow pad(OnnxNode node, List<Optional<TensorValue>> inputs, Flow x) {
        String mode = node.stringAttribute("mode", "constant");
        long[] pads = node.opset() < 11 ? node.intsAttribute("pads").orElse(new long[0])
                : constant(node, inputs, 1, "pads").longs();
        if (Arrays.stream(pads).anyMatch(p -> p != 0)) {
            throw node.error("non-zero padding " + Arrays.toString(pads) + " (mode " + mode + ") is not supported");
        }
        return x;
    }
}
