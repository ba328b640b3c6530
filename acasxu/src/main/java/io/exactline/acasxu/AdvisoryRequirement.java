package io.exactline.acasxu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Variable;

/**
 * What an ACAS Xu property asks of the network's scores, in advisory terms, together with its violation as an
 * {@link OutputCondition} over the normalised scores {@code Y_0 .. Y_4} (COC .. SR), the form the verifier decides.
 *
 * <p>{@link #holds} and {@link #violation} are exact complements over the reals. Violations use non-strict
 * inequalities, as the VNN-LIB files do, so a tie between an advisory the requirement allows and one it does not
 * counts as a violation, whatever the tie-break of {@link Advisory#of}: a property proven this way holds for every
 * tie-break.
 */
public sealed interface AdvisoryRequirement {

    /** Whether the normalised {@code scores} meet the requirement, evaluated in floating point. */
    boolean holds(double[] scores);

    /** The scores that violate the requirement, over the normalised outputs {@code Y_j}. */
    OutputCondition violation();

    /** The requirement in words, e.g. "the advisory is SR" or "the COC score stays below 1500". */
    String description();

    /**
     * The advisory (the minimal score) is one of {@code allowed}: {@code min_{a in allowed} y_a < y_b} for every
     * other advisory {@code b}. Violated when some other advisory's score is at most every allowed score:
     * {@code OR_{b not allowed} AND_{a allowed} (Y_b <= Y_a)}.
     *
     * @param allowed the advisories allowed, neither none nor all five
     */
    record AdvisoryAmong(Set<Advisory> allowed) implements AdvisoryRequirement {
        /** @throws BadInputException if {@code allowed} is empty or holds all five advisories */
        public AdvisoryAmong {
            if (allowed.isEmpty() || allowed.size() == Advisory.values().length) {
                throw new BadInputException("an advisory requirement allows some but not all advisories, got "
                        + allowed);
            }
            allowed = Set.copyOf(EnumSet.copyOf(allowed));
        }

        /** The requirement that the advisory is one of {@code allowed}. */
        public static AdvisoryAmong of(Advisory... allowed) {
            return new AdvisoryAmong(Set.of(allowed));
        }

        @Override
        public boolean holds(double[] scores) {
            double best = Double.POSITIVE_INFINITY;
            for (Advisory a : allowed) {
                best = Math.min(best, scores[a.outputIndex()]);
            }
            for (Advisory b : excluded()) {
                if (!(best < scores[b.outputIndex()])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public OutputCondition violation() {
            List<Conjunction> disjuncts = new ArrayList<>();
            for (Advisory b : excluded()) {
                List<LinearInequality> atMostAllowed = new ArrayList<>();
                for (Advisory a : sorted(allowed)) {
                    atMostAllowed.add(LinearInequality.lessOrEqual(output(b), output(a)));
                }
                disjuncts.add(new Conjunction(atMostAllowed));
            }
            return new OutputCondition(disjuncts);
        }

        @Override
        public String description() {
            Set<Advisory> excluded = excluded();
            if (allowed.size() <= excluded.size()) {
                return "the advisory is " + names(allowed, " or ");
            }
            return "the advisory is " + (excluded.size() == 1 ? "not " : "neither ") + names(excluded, " nor ");
        }

        private Set<Advisory> excluded() {
            return EnumSet.complementOf(EnumSet.copyOf(allowed));
        }
    }

    /**
     * The score of {@code advisory} is not the maximal one: some other score is strictly larger. Violated when
     * every other score is at most it: {@code AND_{j != advisory} (Y_j <= Y_advisory)}.
     *
     * @param advisory the advisory whose score must not be maximal
     */
    record ScoreNotMaximal(Advisory advisory) implements AdvisoryRequirement {
        @Override
        public boolean holds(double[] scores) {
            for (Advisory other : Advisory.values()) {
                if (other != advisory && scores[other.outputIndex()] > scores[advisory.outputIndex()]) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public OutputCondition violation() {
            List<LinearInequality> atMost = new ArrayList<>();
            for (Advisory other : Advisory.values()) {
                if (other != advisory) {
                    atMost.add(LinearInequality.lessOrEqual(output(other), output(advisory)));
                }
            }
            return new OutputCondition(List.of(new Conjunction(atMost)));
        }

        @Override
        public String description() {
            return "the " + advisory + " score is not the maximal score";
        }
    }

    /**
     * The physical score of {@code advisory} stays below {@code physicalScore}: with the normalised threshold
     * {@code t} ({@link #threshold()}), {@code Y_advisory < t}. Violated when {@code Y_advisory >= t}.
     *
     * @param advisory the advisory whose score is bounded
     * @param physicalScore the bound on the physical (de-normalised) score
     */
    record ScoreBelow(Advisory advisory, double physicalScore) implements AdvisoryRequirement {
        /** @throws BadInputException if the bound is not finite */
        public ScoreBelow {
            if (!Double.isFinite(physicalScore)) {
                throw new BadInputException("a score bound must be finite, got " + physicalScore);
            }
        }

        /**
         * The bound on the normalised score: {@link Normalization#normalizeScore} of {@link #physicalScore},
         * moved down by one unit in the last place so that the violation covers every score whose exact
         * de-normalisation reaches the bound.
         */
        public double threshold() {
            return Math.nextDown(Normalization.normalizeScore(physicalScore));
        }

        @Override
        public boolean holds(double[] scores) {
            return scores[advisory.outputIndex()] < threshold();
        }

        @Override
        public OutputCondition violation() {
            return OutputCondition.of(LinearInequality.atLeast(output(advisory), threshold()));
        }

        @Override
        public String description() {
            String bound = Double.toString(physicalScore);
            return "the " + advisory + " score stays below " + (bound.endsWith(".0")
                    ? bound.substring(0, bound.length() - 2) : bound);
        }
    }

    private static Variable output(Advisory a) {
        return Variable.output(a.outputIndex());
    }

    private static List<Advisory> sorted(Set<Advisory> advisories) {
        return EnumSet.copyOf(advisories).stream().toList();
    }

    private static String names(Set<Advisory> advisories, String separator) {
        return sorted(advisories).stream().map(Advisory::name).collect(Collectors.joining(separator));
    }
}
