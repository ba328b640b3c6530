package io.exactline.core.line;

import java.util.ArrayList;
import java.util.List;

import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.network.Network;
import io.exactline.core.network.UnsupportedNetworkException;

/**
 * The real-number function a double-precision {@link Network} denotes: every parameter converted exactly from
 * its double, every operation exact over rationals.
 */
final class RationalNetwork {
    private final List<RationalLayer> layers;
    private final int[] piecewiseLayerIndices;

    private RationalNetwork(List<RationalLayer> layers, int[] piecewiseLayerIndices) {
        this.layers = layers;
        this.piecewiseLayerIndices = piecewiseLayerIndices;
    }

    /**
     * @throws UnsupportedNetworkException if a layer has no exact form (not piecewise linear, or a
     *         piecewise-linear kind exact mode does not know)
     */
    static RationalNetwork of(Network network) {
        network.requirePiecewiseLinear("exact ExactLine");
        List<RationalLayer> layers = new ArrayList<>();
        List<Integer> piecewise = new ArrayList<>();
        for (int i = 0; i < network.layers().size(); i++) {
            Layer layer = network.layers().get(i);
            if (layer instanceof AffineLayer affine) {
                layers.add(RationalAffine.of(affine));
            } else if (layer instanceof ElementwisePiecewiseLinear elementwise) {
                layers.add(RationalActivation.of(elementwise));
                piecewise.add(i);
            } else if (layer instanceof MaxPool2d pool) {
                layers.add(RationalMaxPool.of(pool));
                piecewise.add(i);
            } else {
                throw new UnsupportedNetworkException("exact ExactLine has no rational form of " + network.source()
                        + " layer " + i + " (" + layer.describe() + ")");
            }
        }
        return new RationalNetwork(List.copyOf(layers), piecewise.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The layers, input side first. */
    List<RationalLayer> layers() {
        return layers;
    }

    /** The network's output at {@code x}, exactly. */
    ExactVector evaluate(ExactVector x) {
        ExactVector current = x;
        for (RationalLayer layer : layers) {
            current = layer.apply(current);
        }
        return current;
    }

    /** The activation pattern at {@code x}, decided exactly. */
    ActivationPattern pattern(ExactVector x) {
        int[][] states = new int[piecewiseLayerIndices.length][];
        ExactVector current = x;
        int k = 0;
        for (RationalLayer layer : layers) {
            if (layer instanceof RationalPiecewiseLinear pwl) {
                states[k] = new int[pwl.unitCount()];
                pwl.states(current, states[k]);
                k++;
            }
            current = layer.apply(current);
        }
        return new ActivationPattern(piecewiseLayerIndices.clone(), states);
    }
}
