package io.exactline.core.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.line.RatioSink;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/**
 * Branches that read the same tensor and are merged into one: {@code y = merge(f_1(x), ..., f_k(x))}, where each
 * {@code f_i} is a piecewise-linear network (a chain of layers) and the merge is a concatenation or a sum
 * ({@link Merge}). This is how a graph that forks and joins again (ONNX Concat or Add of two tensors computed
 * from the input) becomes one layer of a chain.
 *
 * <p>The layer is piecewise linear: on a segment from {@code p} to {@code q} it changes piece exactly where some
 * branch does, so {@link #crossings} is the union of the interior breakpoints of every branch's own ExactLine
 * partition of the segment. A unit is a unit of one of the branches' piecewise-linear layers, in branch order and
 * layer order; its state is that layer's state. A branch without piecewise-linear layers has no units and is
 * affine.
 */
public final class Parallel implements PiecewiseLinearLayer {
    private final Shape inputShape;
    private final List<Network> branches;
    private final Merge merge;
    private final List<Shape> partShapes;
    private final Shape outputShape;
    private final int unitCount;
    private final int stateCount;

    /**
     * @param inputShape the shape every branch reads
     * @param branches at least one chain, each taking {@code inputShape}; piecewise linear
     * @param merge how the branch outputs combine
     * @throws IllegalArgumentException naming the branch or shapes if they do not fit together
     */
    public Parallel(Shape inputShape, List<Network> branches, Merge merge) {
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a parallel layer needs at least one branch");
        }
        for (int i = 0; i < branches.size(); i++) {
            Network branch = branches.get(i);
            if (!branch.inputShape().equals(inputShape)) {
                throw new IllegalArgumentException("branch " + i + " (" + branch.source() + ") takes "
                        + branch.inputShape() + " but the parallel layer's input is " + inputShape);
            }
            if (!branch.isPiecewiseLinear()) {
                throw new IllegalArgumentException("branch " + i + " (" + branch.source() + ") has a layer that is"
                        + " not piecewise linear; branches must be piecewise linear");
            }
        }
        this.inputShape = inputShape;
        this.branches = List.copyOf(branches);
        this.merge = merge;
        this.partShapes = this.branches.stream().map(Network::outputShape).toList();
        this.outputShape = merge.outputShape(partShapes);
        int units = 0;
        int states = 1;
        for (PiecewiseLinearLayer layer : piecewiseLayers()) {
            units += layer.unitCount();
            states = Math.max(states, layer.stateCount());
        }
        this.unitCount = units;
        this.stateCount = states;
    }

    /** The branches, in merge order. */
    public List<Network> branches() {
        return branches;
    }

    /** How the branch outputs combine. */
    public Merge merge() {
        return merge;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        double[] x = Arrays.copyOfRange(in, inOffset, inOffset + inputShape.size());
        List<double[]> parts = new ArrayList<>(branches.size());
        for (Network branch : branches) {
            parts.add(branch.evaluate(x));
        }
        double[] merged = merge.merge(partShapes, parts);
        System.arraycopy(merged, 0, out, outOffset, merged.length);
    }

    /** The sum over branches of the branch's vector-Jacobian product with its part of {@code gradOut}. */
    @Override
    public double[] backward(double[] input, double[] gradOut) {
        double[] gradIn = new double[inputShape.size()];
        for (int i = 0; i < branches.size(); i++) {
            double[] g = branches.get(i).vectorJacobian(input, merge.part(partShapes, i, gradOut));
            for (int k = 0; k < gradIn.length; k++) {
                gradIn[k] += g[k];
            }
        }
        return gradIn;
    }

    @Override
    public void crossings(double[] p, int pOffset, double[] q, int qOffset, RatioSink sink) {
        double[] a = Arrays.copyOfRange(p, pOffset, pOffset + inputShape.size());
        double[] b = Arrays.copyOfRange(q, qOffset, qOffset + inputShape.size());
        for (Network branch : branches) {
            if (branch.layers().stream().noneMatch(l -> l instanceof PiecewiseLinearLayer)) {
                continue;
            }
            LinePartition partition = ExactLine.partition(branch, a, b);
            double[] ratios = partition.ratios();
            for (int j = 1; j < ratios.length - 1; j++) {
                sink.accept(ratios[j]);
            }
        }
    }

    @Override
    public void states(double[] point, int offset, int[] states) {
        double[] x = Arrays.copyOfRange(point, offset, offset + inputShape.size());
        int at = 0;
        for (Network branch : branches) {
            double[] current = x;
            for (Layer layer : branch.layers()) {
                if (layer instanceof PiecewiseLinearLayer piecewise) {
                    int[] unitStates = new int[piecewise.unitCount()];
                    piecewise.states(current, 0, unitStates);
                    System.arraycopy(unitStates, 0, states, at, unitStates.length);
                    at += unitStates.length;
                }
                current = layer.apply(current);
            }
        }
    }

    @Override
    public int unitCount() {
        return unitCount;
    }

    @Override
    public int stateCount() {
        return stateCount;
    }

    @Override
    public String describe() {
        String how = merge instanceof Merge.Concat concat ? "concat axis " + concat.axis() : "sum";
        return "Parallel[" + branches.size() + " branches, " + how + "] " + inputShape + "->" + outputShape;
    }

    private List<PiecewiseLinearLayer> piecewiseLayers() {
        List<PiecewiseLinearLayer> layers = new ArrayList<>();
        for (Network branch : branches) {
            for (Layer layer : branch.layers()) {
                if (layer instanceof PiecewiseLinearLayer piecewise) {
                    layers.add(piecewise);
                }
            }
        }
        return layers;
    }
}
