package io.exactline.preconditions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * <h2>Order and &larr;-closedness</h2>
 * For each ReLU layer {@code k} from the last to the first, the constrained neurons of {@code k} are freed by binary
 * splitting: try to free them all in one proof (the whole layer); if that is not proved, try the first half and then
 * the second half the same way, down to single neurons. A layer freed whole moves on to layer {@code k - 1}; once a
 * layer keeps some constrained neuron, earlier neurons are tried only where freeing them keeps the pattern
 * &larr;-closed ({@link DecisionPattern#isClosed()}), which in a dense network is nowhere. Every tried pattern is
 * &larr;-closed.
 *
 * <h2>Proofs</h2>
 * An attempt first looks for a known violation: an input of {@code violations} (inputs where {@code P} fails) that
 * satisfies the pattern refutes it at once (checked exactly, {@link Implication.Refuted#confirm}). Otherwise
 * {@link PatternBranchAndBound} decides it within the proof limit: free neurons are bounded soundly and the input
 * box is split until every part is proved or void. So every pattern kept is a proven precondition; a failed attempt
 * is either refuted by a concrete input or undecided within the limit.
 */
public final class IterativeRelaxation {
    private final PatternBranchAndBound prover;
    private final PatternNetwork network;
    private final Box domain;
    private final OutputProperty property;
    private final LpSolver solver;
    private final Duration proofLimit;
    private final List<double[]> violations;
    private final List<List<double[]>> violationPre;

    /**
     * @param prover the branch and bound over the network and domain
     * @param solver the LP solver of the under-approximation boxes
     * @param proofLimit time limit of each proof attempt
     * @param violations inputs of the domain where {@code P} fails, tried as counterexamples before each proof
     * @throws BadInputException if the property does not fit the network
     */
    public IterativeRelaxation(PatternBranchAndBound prover, PatternNetwork network, OutputProperty property,
            LpSolver solver, Duration proofLimit, List<double[]> violations) {
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
        this.violations = List.copyOf(violations);
        this.violationPre = this.violations.stream().map(network::preActivations).toList();
    }

    /**
     * Relaxes the activation signature of {@code seed}.
     *
     * @throws BadInputException if {@code seed} is outside the domain
     */
    public RelaxationOutcome relax(double[] seed) {
        if (!domain.contains(seed)) {
            throw new BadInputException("seed input lies outside the input domain " + domain);
        }
        Relaxation r = new Relaxation(network.signature(seed));
        RelaxationStep first = r.attempt(r.current, "signature");
        if (!(first.answer() instanceof Implication.Proven proof)) {
            return new RelaxationOutcome.SignatureNotProven(first.answer(), first);
        }
        r.proof = proof;
        boolean layersComplete = true;
        for (int k = network.layerCount() - 1; k >= 0; k--) {
            List<Integer> constrained = new ArrayList<>();
            for (int i = 0; i < network.layerSize(k); i++) {
                if (r.current.state(k, i) != NeuronState.FREE) {
                    constrained.add(i);
                }
            }
            if (constrained.isEmpty()) {
                continue;
            }
            if (layersComplete) {
                r.freeBlock(k, constrained);
            } else {
                for (int i : constrained) {
                    r.freeBlock(k, List.of(i));
                }
            }
            layersComplete = r.current.constrainedCount(k) == 0;
        }
        Optional<Box> box = UnderApproximationBox.grow(new PatternRegion(r.current, domain).polytope(), solver,
                proofLimit);
        return new RelaxationOutcome.Found(new InputPrecondition(r.current, property, domain, r.proof, seed,
                r.steps, box));
    }

    /** The state of one relaxation: the pattern kept so far, its proof and the steps taken. */
    private final class Relaxation {
        private DecisionPattern current;
        private Implication.Proven proof;
        private final List<RelaxationStep> steps = new ArrayList<>();

        Relaxation(DecisionPattern signature) {
            this.current = signature;
        }

        /** Frees {@code units} of layer {@code k} in one step if proved, else each half in turn. */
        void freeBlock(int k, List<Integer> units) {
            DecisionPattern candidate = current;
            for (int i : units) {
                candidate = candidate.free(k, i);
            }
            if (candidate.isClosed()) {
                String action = units.size() == 1 ? "free neuron (" + k + ", " + units.get(0) + ")"
                        : units.size() == current.constrainedCount(k) ? "free layer " + k
                        : "free " + units.size() + " neurons of layer " + k;
                RelaxationStep step = attempt(candidate, action);
                if (step.answer() instanceof Implication.Proven p) {
                    current = candidate;
                    proof = p;
                    return;
                }
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
