package io.exactline.preconditions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.exactline.core.BadInputException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.lp.LpSolver;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;
import io.exactline.verifier.property.Box;

/**
 * Iterative relaxation for input preconditions (Gopinath, Converse, Pasareanu, Taly): from an input {@code X} with
 * {@code P(F(X))}, prove its activation signature {@code sigma_X} implies {@code P} over the domain box, then free
 * neurons from the last ReLU layer backwards, keeping each freed pattern only if it is still proved.
 *
 * <h2>Order</h2>
 * <ol>
 *   <li>Whole layers, from the last ReLU layer backwards, until one cannot be freed.
 *   <li>With targets (inputs with the property, e.g. the uncovered samples of a mining run), blocks towards them:
 *       the target whose pre-activations contradict the fewest constrained neurons is taken, and exactly those
 *       neurons are freed in one proof; each target is tried once, and the phase ends after a few failures in a
 *       row. Every kept step so covers at least one more target.
 *   <li>Without targets, binary splitting of what is left, from the last layer back: try to free a layer's
 *       constrained neurons in one proof; if that is not proved, the first half and then the second half the same
 *       way, down to single neurons. (With targets this phase is left out: it enlarges the region without
 *       covering more targets, and a mining run's time is better spent on the next seed.)
 * </ol>
 * Every phase stops at the relaxation limit. The patterns need not be &larr;-closed: in a dense network a
 * &larr;-closed pattern that constrains any neuron of layer 2 constrains all of layer 1, whose cell of the first
 * layer's hyperplane arrangement is tiny, so only open patterns cover much of the domain. A closed result gets its
 * under-approximation box from its polytope ({@link UnderApproximationBox}), an open one from sound bounds
 * ({@link PatternBranchAndBound#boxAround}).
 *
 * <h2>Proofs</h2>
 * An attempt first looks for a known violation: an input of {@code violations} (inputs where {@code P} fails) that
 * satisfies the pattern refutes it at once (checked exactly, {@link Implication.Refuted#confirm}). Otherwise
 * {@link PatternBranchAndBound} decides it within the proof limit: free neurons are bounded soundly and the input
 * box is split until every part is proved or void. So every pattern kept is a proven precondition; a failed attempt
 * is either refuted by a concrete input or undecided within the limit.
 */
public final class IterativeRelaxation {
    /** Failed attempts in a row after which the phase of blocks towards targets ends. */
    static final int FAILURES_IN_A_ROW = 6;

    private final PatternBranchAndBound prover;
    private final PatternNetwork network;
    private final Box domain;
    private final OutputProperty property;
    private final LpSolver solver;
    private final Duration proofLimit;
    private final Duration relaxationLimit;
    private final List<double[]> violations;
    private final List<List<double[]>> violationPre;

    /**
     * @param prover the branch and bound over the network and domain
     * @param solver the LP solver of the under-approximation boxes
     * @param proofLimit time limit of each proof attempt
     * @param relaxationLimit time after which one seed's relaxation tries no further steps
     * @param violations inputs of the domain where {@code P} fails, tried as counterexamples before each proof
     * @throws BadInputException if the property does not fit the network
     */
    public IterativeRelaxation(PatternBranchAndBound prover, PatternNetwork network, OutputProperty property,
            LpSolver solver, Duration proofLimit, Duration relaxationLimit, List<double[]> violations) {
        if (property.outputCount() != network.network().outputSize()) {
            throw new BadInputException("property " + property.description() + " is over " + property.outputCount()
                    + " outputs but " + network.network().source() + " has " + network.network().outputSize());
        }
        this.prover = prover;
        this.network = network;
        this.domain = prover.domain();
        this.property = property;
        this.solver = solver;
        this.proofLimit = proofLimit;
        this.relaxationLimit = relaxationLimit;
        this.violations = List.copyOf(violations);
        this.violationPre = this.violations.stream().map(network::preActivations).toList();
    }

    /**
     * Relaxes the activation signature of {@code seed}.
     *
     * @throws BadInputException if {@code seed} is outside the domain
     */
    public RelaxationOutcome relax(double[] seed) {
        return relax(seed, List.of(), step -> { });
    }

    /**
     * Relaxes the activation signature of {@code seed} towards covering {@code targets} (inputs with the property),
     * reporting each step to {@code steps} as it is taken; stops trying to free more neurons once the relaxation
     * limit has passed (the pattern kept so far is the result).
     *
     * @throws BadInputException if {@code seed} is outside the domain
     */
    public RelaxationOutcome relax(double[] seed, List<double[]> targets, Consumer<RelaxationStep> steps) {
        if (!domain.contains(seed)) {
            throw new BadInputException("seed input lies outside the input domain " + domain);
        }
        Relaxation r = new Relaxation(network.signature(seed), steps, Deadline.after(relaxationLimit));
        RelaxationStep first = r.attempt(r.current, "signature");
        if (!(first.answer() instanceof Implication.Proven proof)) {
            return new RelaxationOutcome.SignatureNotProven(first.answer(), first);
        }
        r.proof = proof;
        for (int k = network.layerCount() - 1; k >= 0 && !r.deadline.expired(); k--) {
            if (!r.freeWholeLayer(k)) {
                break;
            }
        }
        if (targets.isEmpty()) {
            for (int k = network.layerCount() - 1; k >= 0; k--) {
                List<Integer> constrained = constrained(r.current, k);
                if (!constrained.isEmpty()) {
                    r.freeBlock(k, constrained);
                }
            }
        } else {
            r.coverTargets(targets.stream().map(network::preActivations).toList());
        }
        Optional<Box> box = r.current.isClosed()
                ? UnderApproximationBox.grow(new PatternRegion(r.current, domain).polytope(), solver, proofLimit)
                : prover.boxAround(r.current, seed);
        return new RelaxationOutcome.Found(new InputPrecondition(r.current, property, domain, r.proof, seed,
                r.steps, box));
    }

    private static List<Integer> constrained(DecisionPattern pattern, int k) {
        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < pattern.network().layerSize(k); i++) {
            if (pattern.state(k, i) != NeuronState.FREE) {
                units.add(i);
            }
        }
        return units;
    }

    /**
     * The constrained neurons of {@code pattern} whose piece the pre-activations {@code pre} contradict, or empty
     * once more than {@code limit} are found (the caller has a better target already).
     */
    private static Optional<List<int[]>> mismatches(DecisionPattern pattern, List<double[]> pre, int limit) {
        List<int[]> neurons = new ArrayList<>();
        for (int k = 0; k < pre.size(); k++) {
            double[] z = pre.get(k);
            for (int i = 0; i < z.length; i++) {
                NeuronState s = pattern.state(k, i);
                if (s == NeuronState.ON && z[i] < 0.0 || s == NeuronState.OFF && z[i] > 0.0) {
                    neurons.add(new int[] {k, i});
                    if (neurons.size() > limit) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(neurons);
    }

    private static Set<Long> ids(List<int[]> neurons) {
        Set<Long> ids = new HashSet<>();
        for (int[] n : neurons) {
            ids.add((long) n[0] << 32 | n[1]);
        }
        return ids;
    }

    /** The state of one relaxation: the pattern kept so far, its proof and the steps taken. */
    private final class Relaxation {
        private DecisionPattern current;
        private Implication.Proven proof;
        private final List<RelaxationStep> steps = new ArrayList<>();
        private final Consumer<RelaxationStep> listener;
        private final Deadline deadline;

        Relaxation(DecisionPattern signature, Consumer<RelaxationStep> listener, Deadline deadline) {
            this.current = signature;
            this.listener = listener;
            this.deadline = deadline;
        }

        /** Tries to free every constrained neuron of layer {@code k} in one step; whether that was proved. */
        boolean freeWholeLayer(int k) {
            List<Integer> units = constrained(current, k);
            if (units.isEmpty()) {
                return true;
            }
            DecisionPattern candidate = current.freeLayer(k);
            return keepIfProven(candidate, "free layer " + k);
        }

        /**
         * Repeatedly takes the target the kept pattern misses by the fewest neurons and tries to free exactly those
         * (each target once), so every kept step covers at least one more target; until none is left or time is up.
         * A target whose neurons include those of a failed attempt is skipped: its pattern's region contains the
         * failed one's, so it would be no easier to prove. After {@value #FAILURES_IN_A_ROW} failed attempts in a
         * row the phase ends: the pattern is then usually as general as the proofs allow.
         */
        void coverTargets(List<List<double[]>> targets) {
            boolean[] tried = new boolean[targets.size()];
            List<Set<Long>> failed = new ArrayList<>();
            int inARow = 0;
            while (!deadline.expired() && inARow < FAILURES_IN_A_ROW) {
                int best = -1;
                List<int[]> bestNeurons = List.of();
                for (int t = 0; t < targets.size(); t++) {
                    if (tried[t]) {
                        continue;
                    }
                    Optional<List<int[]>> m = mismatches(current, targets.get(t),
                            best < 0 ? Integer.MAX_VALUE : bestNeurons.size() - 1);
                    if (m.isEmpty()) {
                        continue;
                    }
                    Set<Long> ids = ids(m.get());
                    if (m.get().isEmpty() || failed.stream().anyMatch(ids::containsAll)) {
                        tried[t] = true;
                    } else {
                        best = t;
                        bestNeurons = m.get();
                    }
                }
                if (best < 0) {
                    return;
                }
                tried[best] = true;
                DecisionPattern candidate = current;
                for (int[] n : bestNeurons) {
                    candidate = candidate.free(n[0], n[1]);
                }
                if (keepIfProven(candidate, "free " + bestNeurons.size() + " neurons to cover target " + best)) {
                    inARow = 0;
                } else {
                    failed.add(ids(bestNeurons));
                    inARow++;
                }
            }
        }

        private boolean keepIfProven(DecisionPattern candidate, String action) {
            RelaxationStep step = attempt(candidate, action);
            if (step.answer() instanceof Implication.Proven p) {
                current = candidate;
                proof = p;
                return true;
            }
            return false;
        }

        /** Frees {@code units} of layer {@code k} in one step if proved, else each half in turn. */
        void freeBlock(int k, List<Integer> units) {
            if (deadline.expired()) {
                return;
            }
            DecisionPattern candidate = current;
            for (int i : units) {
                candidate = candidate.free(k, i);
            }
            String action = units.size() == 1 ? "free neuron (" + k + ", " + units.get(0) + ")"
                    : units.size() == current.constrainedCount(k) ? "free layer " + k
                    : "free " + units.size() + " neurons of layer " + k;
            if (keepIfProven(candidate, action)) {
                return;
            }
            if (units.size() > 1) {
                int half = units.size() / 2;
                freeBlock(k, units.subList(0, half));
                freeBlock(k, units.subList(half, units.size()));
            }
        }

        RelaxationStep attempt(DecisionPattern pattern, String action) {
            long start = System.nanoTime();
            Implication answer = knownViolation(pattern)
                    .orElseGet(() -> prover.implies(pattern, property, Deadline.after(proofLimit)));
            RelaxationStep step = new RelaxationStep(action, pattern.constrainedCount(), answer,
                    Duration.ofNanos(System.nanoTime() - start));
            steps.add(step);
            listener.accept(step);
            return step;
        }

        private Optional<Implication> knownViolation(DecisionPattern pattern) {
            PatternRegion region = null;
            for (int v = 0; v < violations.size(); v++) {
                if (pattern.matches(violationPre.get(v))) {
                    region = region == null ? new PatternRegion(pattern, domain) : region;
                    Optional<Implication> refuted = Implication.Refuted.confirm(region, property, violations.get(v));
                    if (refuted.isPresent()) {
                        return refuted;
                    }
                }
            }
            return Optional.empty();
        }
    }
}
