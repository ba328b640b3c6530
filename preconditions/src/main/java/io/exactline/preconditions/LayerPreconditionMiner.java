package io.exactline.preconditions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import io.exactline.core.BadInputException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;

/**
 * Mines layer preconditions: draws inputs uniformly from the domain ({@link MiningSettings#draw}), labels each by
 * whether {@code P} holds at the network's output, and describes it by the on/off states of the neurons of one
 * hidden ReLU layer {@code L} (feature {@code +1} on, {@code -1} off). A CART tree (Tribuo) is trained on the first
 * {@link #TRAINING_SHARE} of the samples; every root-to-leaf path whose leaf predicts {@code P} is a candidate
 * {@code phi}: the conjunction of the neuron states along the path.
 *
 * <p>Each candidate is first checked against all drawn samples: a sample that satisfies {@code phi} and violates
 * {@code P}, confirmed exactly ({@link Implication.Refuted#confirm}), refutes it without a proof attempt (a tree's
 * leaf need not be pure). The others are validated by proof of {@code forall X in D: phi(X) => P(F(X))} with
 * {@link LayerPatternProver} (branch and bound over input boxes cut by the pattern's constraints) under the proof
 * time limit. When the proof does not decide in time, the candidate is only
 * {@link LayerPrecondition.Empirical empirical}, with the number of held-out samples (the rest) that satisfy it.
 */
public final class LayerPreconditionMiner {
    /** The share of the drawn samples the tree is trained on; the rest is held out. */
    public static final double TRAINING_SHARE = 0.8;
    /** The tree's default maximum depth, so a candidate constrains at most this many neurons. */
    public static final int MAX_DEPTH = 8;
    private static final String HOLDS = "P";
    private static final String FAILS = "not P";

    private final PatternNetwork network;
    private final MiningSettings settings;
    private final int layer;
    private final int depth;

    /**
     * A miner whose trees have at most {@link #MAX_DEPTH} levels.
     *
     * @param layer the ReLU layer {@code L} (0 = first hidden layer)
     * @throws BadInputException if the network has no such layer
     */
    public LayerPreconditionMiner(PatternNetwork network, MiningSettings settings, int layer) {
        this(network, settings, layer, MAX_DEPTH);
    }

    /**
     * @param layer the ReLU layer {@code L} (0 = first hidden layer)
     * @param depth the tree's maximum depth: deeper trees give candidates that constrain more neurons and cover
     *     less, which are more often provable
     * @throws BadInputException if the network has no such layer or the depth is below 1
     */
    public LayerPreconditionMiner(PatternNetwork network, MiningSettings settings, int layer, int depth) {
        if (depth < 1) {
            throw new BadInputException("--tree-depth must be at least 1, got " + depth);
        }
        if (layer < 0 || layer >= network.layerCount()) {
            throw new BadInputException("--layer " + layer + " is not a hidden ReLU layer of " + network.network()
                    .source() + ", which has layers 0 to " + (network.layerCount() - 1));
        }
        this.network = network;
        this.settings = settings;
        this.layer = layer;
        this.depth = depth;
    }

    /**
     * The candidates, each with its support and validation, in the tree's depth-first order (the on branch first);
     * progress lines go to {@code progress}.
     */
    public List<LayerPrecondition> mine(Consumer<String> progress) {
        List<double[]> samples = settings.draw();
        List<List<double[]>> pre = new ArrayList<>(samples.size());
        boolean[] holds = new boolean[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            pre.add(network.preActivations(samples.get(i)));
            holds[i] = settings.property().holdsAt(network.network().evaluate(samples.get(i)));
        }
        int training = (int) Math.round(TRAINING_SHARE * samples.size());
        Optional<TreeModel<Label>> tree = train(layer, pre.subList(0, training), holds);
        if (tree.isEmpty()) {
            progress.accept("layer " + layer + ": no training sample, no tree");
            return List.of();
        }
        Set<DecisionPattern> candidates = new LinkedHashSet<>();
        collect(tree.get().getRoot(), tree.get().getFeatureIDMap(), network.unconstrained(), layer, candidates);
        progress.accept(String.format("layer %d: tree trained on %d samples, %d candidates for %s", layer, training,
                candidates.size(), settings.property().description()));
        LayerPatternProver prover = new LayerPatternProver(network, settings.domain(), layer);
        List<LayerPrecondition> found = new ArrayList<>();
        for (DecisionPattern phi : candidates) {
            int satisfied = 0;
            for (List<double[]> z : pre) {
                satisfied += phi.matches(z) ? 1 : 0;
            }
            LayerPrecondition.Validation v = validate(prover, phi, samples, pre, holds, training);
            found.add(new LayerPrecondition(layer, phi, (double) satisfied / samples.size(), v));
            progress.accept("  layer " + layer + " " + phi.encode().split("/")[layer] + ": " + v.label());
        }
        return found;
    }

    private LayerPrecondition.Validation validate(LayerPatternProver prover, DecisionPattern phi,
            List<double[]> samples, List<List<double[]>> pre, boolean[] holds, int training) {
        PatternRegion region = new PatternRegion(phi, settings.domain());
        for (int i = 0; i < samples.size(); i++) {
            if (!holds[i] && phi.matches(pre.get(i))) {
                Optional<Implication> confirmed = Implication.Refuted.confirm(region, settings.property(),
                        samples.get(i));
                if (confirmed.isPresent()) {
                    return new LayerPrecondition.Refuted((Implication.Refuted) confirmed.get());
                }
            }
        }
        long start = System.nanoTime();
        Implication answer = prover.implies(phi, settings.property(), Deadline.after(settings.proofLimit()));
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (answer instanceof Implication.Proven p) {
            return new LayerPrecondition.Proven(p.margin(), time);
        }
        if (answer instanceof Implication.Refuted r) {
            return new LayerPrecondition.Refuted(r);
        }
        int heldOut = 0;
        int violations = 0;
        for (int i = training; i < samples.size(); i++) {
            if (phi.matches(pre.get(i))) {
                heldOut++;
                violations += holds[i] ? 0 : 1;
            }
        }
        return new LayerPrecondition.Empirical(heldOut, violations, ((Implication.Undecided) answer).reason());
    }

    /**
     * A CART tree over layer {@code layer}'s neuron states of the training samples; feature names are the unit
     * indices.
     */
    private Optional<TreeModel<Label>> train(int layer, List<List<double[]>> pre, boolean[] holds) {
        if (pre.isEmpty()) {
            return Optional.empty();
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(
                "layer " + layer + " neuron states of " + network.network().source(), labels), labels);
        int units = network.layerSize(layer);
        String[] names = new String[units];
        for (int u = 0; u < units; u++) {
            names[u] = Integer.toString(u);
        }
        for (int i = 0; i < pre.size(); i++) {
            double[] z = pre.get(i).get(layer);
            double[] features = new double[units];
            for (int u = 0; u < units; u++) {
                features[u] = z[u] > 0.0 ? 1.0 : -1.0;
            }
            data.add(new ArrayExample<>(new Label(holds[i] ? HOLDS : FAILS), names, features));
        }
        return Optional.of(new CARTClassificationTrainer(depth).train(data));
    }

    /** Walks the tree, adding the path's pattern at every leaf predicting {@code P}. */
    private static void collect(Node<Label> node, ImmutableFeatureMap features, DecisionPattern path, int layer,
            Set<DecisionPattern> out) {
        if (node instanceof LeafNode<Label> leaf) {
            if (leaf.getOutput().getLabel().equals(HOLDS)) {
                out.add(path);
            }
            return;
        }
        SplitNode<Label> split = (SplitNode<Label>) node;
        int unit = Integer.parseInt(features.get(split.getFeatureID()).getName());
        collect(split.getGreaterThan(), features, path.with(layer, unit, NeuronState.ON), layer, out);
        collect(split.getLessThanOrEqual(), features, path.with(layer, unit, NeuronState.OFF), layer, out);
    }
}
