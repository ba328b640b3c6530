package io.exactline.preconditions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.core.BadInputException;
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
 * For each ReLU layer {@code k} from the last to the first: first try to free the whole layer in one proof; if that
 * fails, try its constrained neurons one at a time, keeping every one whose freeing is proved, and then stop. Every
 * tried pattern is &larr;-closed: constrained neurons of layer {@code k} depend only on earlier layers, which are
 * still complete, and later layers are already free. Continuing into layer {@code k - 1} while some neuron of layer
 * {@code k} stays constrained is allowed only for a neuron no constrained neuron depends on (the candidate is
 * checked with {@link DecisionPattern#isClosed()}); in a dense network there is none, so the relaxation ends there.
 *
 * <h2>Proofs</h2>
 * Each attempt is {@link PatternRegion#implies} by LP: a proof rests on safe dual bounds, and a failed attempt only
 * means "not proved" (the free neurons are relaxed), never that the freed pattern is refuted. So every pattern kept
 * is a proven precondition, and the result is maximal only with respect to what the LP can prove.
 */
public final class IterativeRelaxation {
    private final PatternNetwork network;
    private final Box domain;
    private final OutputProperty property;
    private final LpSolver solver;
    private final Duration proofLimit;

    /**
     * @param proofLimit time limit of each LP
     * @throws BadInputException if the domain or property does not fit the network
     */
    public IterativeRelaxation(PatternNetwork network, Box domain, OutputProperty property, LpSolver solver,
            Duration proofLimit) {
        if (domain.dimension() != network.network().inputSize()) {
            throw new BadInputException("input domain has dimension " + domain.dimension() + " but "
                    + network.network().source() + " takes " + network.network().inputSize() + " inputs");
        }
        if (property.outputCount() != network.network().outputSize()) {
            throw new BadInputException("property " + property.description() + " is over " + property.outputCount()
                    + " outputs but " + network.network().source() + " has " + network.network().outputSize());
        }
        this.network = network;
        this.domain = domain;
        this.property = property;
        this.solver = solver;
        this.proofLimit = proofLimit;
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
        List<RelaxationStep> steps = new ArrayList<>();
        DecisionPattern current = network.signature(seed);
        Attempt first = attempt(current, "signature");
        steps.add(first.step());
        if (!(first.answer() instanceof Implication.Proven proof)) {
            return new RelaxationOutcome.SignatureNotProven(first.answer(), first.step());
        }
        boolean layersComplete = true;
        for (int k = network.layerCount() - 1; k >= 0; k--) {
            if (current.constrainedCount(k) == 0) {
                continue;
            }
            if (layersComplete) {
                Attempt whole = attempt(current.freeLayer(k), "free layer " + k);
                steps.add(whole.step());
                if (whole.answer() instanceof Implication.Proven p) {
                    current = current.freeLayer(k);
                    proof = p;
                    continue;
                }
            }
            for (int i = 0; i < network.layerSize(k); i++) {
                if (current.state(k, i) == NeuronState.FREE || !current.free(k, i).isClosed()) {
                    continue;
                }
                Attempt one = attempt(current.free(k, i), "free neuron (" + k + ", " + i + ")");
                steps.add(one.step());
                if (one.answer() instanceof Implication.Proven p) {
                    current = current.free(k, i);
                    proof = p;
                }
            }
            layersComplete = current.constrainedCount(k) == 0;
        }
        Optional<Box> box = UnderApproximationBox.grow(new PatternRegion(current, domain).polytope(), solver,
                proofLimit);
        return new RelaxationOutcome.Found(new InputPrecondition(current, property, domain, proof, seed, steps, box));
    }

    private Attempt attempt(DecisionPattern pattern, String action) {
        long start = System.nanoTime();
        Implication answer = new PatternRegion(pattern, domain).implies(property, solver, proofLimit);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        return new Attempt(answer, new RelaxationStep(action, pattern.constrainedCount(),
                answer instanceof Implication.Proven, time));
    }

    private record Attempt(Implication answer, RelaxationStep step) {
    }
}
