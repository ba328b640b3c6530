package io.exactline.preconditions;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/**
 * A proven input precondition used as an interpolant of a decomposed proof: {@code A(X) => phi(X)} is checked per
 * input box by {@link DecomposedProof}, and {@code phi(X) => B(F(X))} is this record. It states
 * {@code forall X in domain: pattern(X) => e(F(X)) >= margin} for every atom {@code e >= 0} of {@code property}.
 * Only proven preconditions become interpolants: {@link #prove} proves one, {@link #fromMining} reads the ones a
 * mining run proved.
 *
 * @param pattern {@code phi}
 * @param property {@code P}, a conjunction of atoms {@code e(y) >= 0} over the outputs
 * @param domain the input box the implication is proved over; a box outside it is never covered
 * @param margin a rigorous lower bound of every atom over the inputs of the domain that satisfy the pattern
 *     ({@code >= 0}; {@code +inf} for an empty region)
 * @param origin where the interpolant came from, for reports (e.g. {@code mined from sample 17})
 */
public record Interpolant(DecisionPattern pattern, OutputProperty property, Box domain, double margin,
        String origin) {

    /** @throws BadInputException if the margin is negative or NaN, or the domain does not fit the network */
    public Interpolant {
        if (!(margin >= 0.0)) {
            throw new BadInputException("interpolant " + origin + " has margin " + margin + "; a proven "
                    + "precondition's atoms are >= 0, so its margin is a number >= 0");
        }
        if (domain.dimension() != pattern.network().network().inputSize()) {
            throw new BadInputException("interpolant " + origin + " has a domain of " + domain.dimension()
                    + " inputs but the network takes " + pattern.network().network().inputSize());
        }
    }

    /**
     * The interpolant {@code pattern} for {@code property} over the prover's domain when
     * {@link PatternBranchAndBound#implies} proves it before {@code deadline}; empty when it is refuted or undecided.
     */
    public static Optional<Interpolant> prove(PatternBranchAndBound prover, DecisionPattern pattern,
            OutputProperty property, Deadline deadline, String origin) {
        if (prover.implies(pattern, property, deadline) instanceof Implication.Proven p) {
            return Optional.of(new Interpolant(pattern, property, prover.domain(), p.margin(), origin));
        }
        return Optional.empty();
    }

    /**
     * The proven preconditions of the mining run in {@code dir} (its {@code preconditions.jsonl}) as interpolants
     * of {@code property} over the run's domain.
     *
     * @throws BadInputException if the directory holds no mining run, the run was made on another network (by
     *     weight digest) or for another property (description or inequalities), or a line is damaged
     */
    public static List<Interpolant> fromMining(Path dir, PatternNetwork network, OutputProperty property) {
        Checkpoint.Recorded run = Checkpoint.read(dir, network);
        if (!run.property().equals(property.description()) || !run.atoms().equals(Checkpoint.atoms(property))) {
            throw new BadInputException(dir.resolve(Checkpoint.FILE) + " line 1: the run mined preconditions of '"
                    + run.property() + "' (" + run.atoms() + ") but the proof asks for '" + property.description()
                    + "' (" + Checkpoint.atoms(property) + "); give the --property the run was mined for");
        }
        return run.found().stream().map(m -> new Interpolant(m.pattern(), property, run.domain(), m.margin(),
                "sample " + m.sample() + " of " + dir)).toList();
    }

    /**
     * Whether {@code P} with this margin rules out every disjunct of {@code unsafe} for every output, so that
     * {@code pattern(X)} implies that the unsafe condition fails at {@code F(X)}: each disjunct must have an
     * inequality {@code c . y + d <= 0} over the outputs only whose coefficients are a positive multiple
     * {@code lambda a} of those of an atom {@code a . y + b >= 0}, with {@code lambda (margin - b) + d > 0}. Then
     * {@code c . y + d >= lambda (margin - b) + d > 0} wherever the pattern holds. Proportionality and the sign are
     * decided exactly on the stored doubles.
     */
    public boolean refutes(OutputCondition unsafe) {
        for (Conjunction disjunct : unsafe.disjuncts()) {
            boolean ruledOut = false;
            for (LinearInequality q : disjunct.inequalities()) {
                for (LinearObjective atom : property.atoms()) {
                    ruledOut |= contradicts(atom, q);
                }
            }
            if (!ruledOut) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code atom >= margin} makes {@code q <= 0} impossible (see {@link #refutes}). */
    private boolean contradicts(LinearObjective atom, LinearInequality q) {
        Map<Variable, Double> a = coefficients(atom.terms());
        Map<Variable, Double> c = coefficients(q.terms());
        if (a.isEmpty() || !a.keySet().equals(c.keySet())) {
            return false;
        }
        Variable pivot = a.keySet().iterator().next();
        BigDecimal aPivot = new BigDecimal(a.get(pivot));
        BigDecimal cPivot = new BigDecimal(c.get(pivot));
        if (aPivot.signum() != cPivot.signum()) {
            return false;
        }
        for (Variable v : a.keySet()) {
            if (v.kind() != Variable.Kind.OUTPUT
                    || new BigDecimal(c.get(v)).multiply(aPivot).compareTo(cPivot.multiply(new BigDecimal(a.get(v))))
                            != 0) {
                return false;
            }
        }
        if (margin == Double.POSITIVE_INFINITY) {
            return true;
        }
        // lambda = cPivot / aPivot > 0; lambda (margin - b) + d > 0 is, times aPivot, of aPivot's sign
        BigDecimal scaled = cPivot.multiply(new BigDecimal(margin).subtract(new BigDecimal(atom.constant())))
                .add(new BigDecimal(q.constant()).multiply(aPivot));
        return scaled.signum() == aPivot.signum();
    }

    private static Map<Variable, Double> coefficients(List<Term> terms) {
        Map<Variable, Double> map = new HashMap<>();
        for (Term t : terms) {
            if (t.coefficient() != 0.0) {
                map.put(t.variable(), t.coefficient());
            }
        }
        return map;
    }
}
