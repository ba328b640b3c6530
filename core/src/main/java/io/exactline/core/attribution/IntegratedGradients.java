package io.exactline.core.attribution;

import java.util.Optional;
import java.util.function.IntUnaryOperator;

import io.exactline.core.BadInputException;
import io.exactline.core.Vectors;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;

/**
 * Exact Integrated Gradients (Sundararajan, Taly and Yan, "Axiomatic Attribution for Deep Networks", ICML 2017)
 * for piecewise-linear networks, computed with ExactLine (Sotoudeh and Thakur): the segment from the baseline
 * {@code x'} to the input {@code x} is partitioned into the pieces on which the network is affine; on each the
 * gradient is constant, so the path integral
 * <pre>
 *   IG_i(x) = (x_i − x'_i) ∫_0^1 ∂F_k(x' + t (x − x')) / ∂x_i dt
 * </pre>
 * is a finite sum with one gradient per piece. Completeness, {@code Σ_i IG_i = F_k(x) − F_k(x')}, then holds up to
 * rounding.
 *
 * <p>An instance prepares one network once (its affine blocks as sparse matrices, see {@link #of}) and is then
 * used for any number of inputs; it is thread-safe.
 */
public final class IntegratedGradients {
    /** Fewest pieces worth a chunk of their own: a chunk starts with a full evaluation and back-propagation. */
    private static final int MIN_CHUNK_PIECES = 64;

    private final Network network;
    private final Optional<NetworkBlocks> blocks;
    private final IntUnaryOperator chunking;

    private IntegratedGradients(Network network, IntUnaryOperator chunking) {
        this.network = network;
        this.blocks = NetworkBlocks.of(network);
        this.chunking = chunking;
    }

    /**
     * Prepares {@code network}: reads off the linear part of every run of affine layers as a sparse matrix, at
     * the cost of one sparse evaluation per input of each run. Networks with max pooling are not decomposed;
     * their piece gradients come from back-propagation at every piece's midpoint, which is much slower.
     *
     * @throws BadInputException if the network has a layer that is not piecewise linear
     */
    public static IntegratedGradients of(Network network) {
        return new IntegratedGradients(network, IntegratedGradients::chunkPieces);
    }

    /** As {@link #of(Network)}, walking every partition in chunks of {@code chunkPieces} pieces. */
    static IntegratedGradients of(Network network, int chunkPieces) {
        return new IntegratedGradients(network, pieces -> chunkPieces);
    }

    /** Four chunks per processor for load balance, none shorter than {@link #MIN_CHUNK_PIECES}. */
    private static int chunkPieces(int pieces) {
        int chunks = Math.max(1, Math.min(pieces / MIN_CHUNK_PIECES, 4 * Runtime.getRuntime().availableProcessors()));
        return (pieces + chunks - 1) / chunks;
    }

    public Network network() {
        return network;
    }

    /** Exact IG of the class the network predicts at {@code input} (the largest output, lowest index on ties). */
    public ExactAttribution exact(double[] input, Baseline baseline) {
        return path(input, baseline).exact();
    }

    /** Exact IG of output {@code target}. */
    public ExactAttribution exact(double[] input, Baseline baseline, int target) {
        return path(input, baseline, target).exact();
    }

    /** The gradients along the segment from the baseline to {@code input}, of the predicted class. */
    public PathGradients path(double[] input, Baseline baseline) {
        network().checkInput(input, "attributed input");
        return path(input, baseline, Vectors.argmax(network().evaluate(input)));
    }

    /**
     * The gradients of output {@code target} along the segment from the baseline to {@code input}, from which exact
     * IG and every Riemann approximation follow.
     *
     * @throws BadInputException if the input or baseline does not fit the network or the target is not an output
     */
    public PathGradients path(double[] input, Baseline baseline, int target) {
        network().checkInput(input, "attributed input");
        checkTarget(target);
        double[] start = baseline.pointFor(network());
        return along(ExactLine.partition(network(), start, input), target);
    }

    /**
     * The gradients of output {@code target} on every piece of {@code partition} (its start is the baseline, its
     * end the input), computed by walking the pieces and updating the gradient where units change slope.
     *
     * @throws IllegalArgumentException if the partition is of another network
     */
    public PathGradients along(LinePartition partition, int target) {
        if (partition.network() != network()) {
            throw new IllegalArgumentException("partition of " + partition.network() + " given to exact IG of "
                    + network());
        }
        checkTarget(target);
        int chunkPieces = chunking.applyAsInt(partition.pieceCount());
        GradientWalk.Deltas gradients = blocks.isPresent()
                ? GradientWalk.walk(blocks.get(), partition, target, chunkPieces)
                : GradientWalk.backPropagate(partition, target, chunkPieces);
        return new PathGradients(partition, target, gradients);
    }

    private void checkTarget(int target) {
        if (target < 0 || target >= network().outputSize()) {
            throw new BadInputException("target class " + target + " is out of range; " + network().source()
                    + " has " + network().outputSize() + " outputs");
        }
    }
}
