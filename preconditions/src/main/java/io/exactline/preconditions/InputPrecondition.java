package io.exactline.preconditions;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.property.Box;

/**
 * A proven input precondition: a decision pattern {@code sigma} with
 * {@code forall X in domain: sigma(X) => P(F(X))}, found by {@link IterativeRelaxation} from a seed input.
 *
 * @param pattern the pattern (&larr;-closed or not)
 * @param property {@code P}
 * @param domain the input box the implication is proved over
 * @param proof the proof of the final pattern
 * @param seed the input whose activation signature the relaxation started from
 * @param steps every proof attempt, in order
 * @param underApproximation a box inside the pattern's region (proved: exactly for a &larr;-closed pattern's
 *     polytope, by sound bounds otherwise), if one was found
 */
public record InputPrecondition(DecisionPattern pattern, OutputProperty property, Box domain,
        Implication.Proven proof, double[] seed, List<RelaxationStep> steps, Optional<Box> underApproximation) {
    public InputPrecondition {
        seed = seed.clone();
        steps = List.copyOf(steps);
    }

    @Override
    public double[] seed() {
        return seed.clone();
    }

    /** The summed time of all proof attempts. */
    public Duration proofTime() {
        return steps.stream().map(RelaxationStep::time).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputPrecondition p && pattern.equals(p.pattern) && property.equals(p.property)
                && domain.equals(p.domain) && proof.equals(p.proof) && Arrays.equals(seed, p.seed)
                && steps.equals(p.steps) && underApproximation.equals(p.underApproximation);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + Arrays.hashCode(seed);
    }

    @Override
    public String toString() {
        return "InputPrecondition[" + pattern + ", " + property.description() + ", " + proof + ", seed "
                + Arrays.toString(seed) + "]";
    }
}
