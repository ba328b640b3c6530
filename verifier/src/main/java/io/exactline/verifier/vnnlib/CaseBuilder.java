package io.exactline.verifier.vnnlib;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.vnnlib.Formula.Atom;

/**
 * Turns the conjunction of a file's assertions into {@link PropertyCase}s without needless blow-up.
 *
 * <p>The top-level conjuncts (assertions, with nested {@code and}s opened) are sorted by what they read:
 * inputs only, outputs, or both ("mixed", e.g. {@code (or (and <box 1> <outputs 1>) (and <box 2> <outputs 2>))}).
 * Each group is put into disjunctive normal form on its own. A case is then one input term combined with one
 * mixed term; its output condition is the output DNF with the mixed term's output atoms added to every
 * disjunct. So 6,144 box bounds and a 9-way output disjunction give one case of 9 disjuncts, not 9 copies of
 * the box; ACAS Xu property 6 gives two cases sharing its output condition. Cases with the same input region
 * are merged by joining their disjuncts.
 *
 * <p>Within a case, single-variable input atoms become the box; their bounds are rounded outward to doubles.
 * Other input atoms become input constraints. Atoms are converted to {@link LinearInequality}s with
 * coefficients rounded to nearest and the constant rounded down, which enlarges the unsafe set whenever the
 * coefficients are exact doubles (as in every VNN-COMP property).
 */
final class CaseBuilder {
    /** The most conjunctions distributing the disjunctions may produce before the file is rejected. */
    static final int MAX_CONJUNCTIONS = 100_000;

    /** One {@code (assert ...)}: its formula and where it starts. */
    record Assertion(Formula formula, Position position) {
    }

    /** What the input atoms of a case give: a region, or nothing when its bounds contradict each other. */
    private sealed interface RegionResult permits Region, EmptyRegion {
    }

    /** The input part of a case: a box and further input constraints. */
    private record Region(Box box, Conjunction constraints) implements RegionResult {
    }

    /** A case whose input bounds leave no point: why, and where. */
    private record EmptyRegion(String reason, Position at) implements RegionResult {
    }

    private final String source;
    private final int inputCount;
    private final List<Position> inputDeclarations;

    /**
     * @param source the file name, for messages
     * @param inputDeclarations where each input {@code X_i} is declared, indexed by {@code i}
     */
    CaseBuilder(String source, List<Position> inputDeclarations) {
        this.source = source;
        this.inputCount = inputDeclarations.size();
        this.inputDeclarations = List.copyOf(inputDeclarations);
    }

    List<PropertyCase> build(List<Assertion> assertions, Position end) {
        List<List<Atom>> inputTerms = trueDnf();
        List<List<Atom>> outputTerms = trueDnf();
        List<List<Atom>> mixedTerms = trueDnf();
        Position contradiction = null;
        Position lastSplit = end;
        for (Assertion assertion : assertions) {
            for (Formula part : conjuncts(assertion.formula())) {
                Position at = assertion.position();
                List<List<Atom>> dnf = dnf(part, at);
                if (dnf.size() > 1) {
                    lastSplit = at;
                }
                switch (part.reads()) {
                    case NOTHING, INPUTS -> inputTerms = product(inputTerms, dnf, at);
                    case OUTPUTS -> outputTerms = product(outputTerms, dnf, at);
                    case BOTH -> mixedTerms = product(mixedTerms, dnf, at);
                }
                if (contradiction == null && (inputTerms.isEmpty() || outputTerms.isEmpty() || mixedTerms.isEmpty())) {
                    contradiction = at;
                }
            }
        }
        if (contradiction != null) {
            throw error(contradiction, "this assertion contradicts the ones before it: no point can satisfy them"
                    + " all, so the property would be trivially unsat; check its constants");
        }
        long caseCount = (long) inputTerms.size() * mixedTerms.size();
        if (caseCount * outputTerms.size() > MAX_CONJUNCTIONS) {
            throw tooMany(lastSplit);
        }

        Map<Region, List<Conjunction>> cases = new LinkedHashMap<>();
        Optional<EmptyRegion> firstEmpty = Optional.empty();
        int caseIndex = 0;
        for (List<Atom> inputTerm : inputTerms) {
            for (List<Atom> mixedTerm : mixedTerms) {
                List<Atom> inputs = new ArrayList<>(inputTerm);
                List<Atom> extraOutputs = new ArrayList<>();
                for (Atom a : mixedTerm) {
                    (a.reads() == Formula.Reads.OUTPUTS ? extraOutputs : inputs).add(a);
                }
                RegionResult built = region(inputs, caseIndex++, caseCount);
                if (built instanceof EmptyRegion empty) {
                    firstEmpty = firstEmpty.or(() -> Optional.of(empty));
                    continue;
                }
                List<Conjunction> disjuncts = cases.computeIfAbsent((Region) built, r -> new ArrayList<>());
                for (List<Atom> outputTerm : outputTerms) {
                    List<LinearInequality> inequalities = new ArrayList<>(outputTerm.size() + extraOutputs.size());
                    outputTerm.forEach(a -> inequalities.add(inequality(a)));
                    extraOutputs.forEach(a -> inequalities.add(inequality(a)));
                    disjuncts.add(new Conjunction(inequalities));
                }
            }
        }
        if (cases.isEmpty()) {
            EmptyRegion empty = firstEmpty.orElseThrow();
            throw error(empty.at(), empty.reason() + "; no input satisfies the input constraints, so the property"
                    + " would be trivially unsat; check the bounds");
        }
        List<PropertyCase> result = new ArrayList<>(cases.size());
        cases.forEach((region, disjuncts) ->
                result.add(new PropertyCase(region.box(), region.constraints(), new OutputCondition(disjuncts))));
        return result;
    }

    private RegionResult region(List<Atom> atoms, int caseIndex, long caseCount) {
        double[] lower = new double[inputCount];
        double[] upper = new double[inputCount];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        Position[] lowerAt = new Position[inputCount];
        Position[] upperAt = new Position[inputCount];
        List<LinearInequality> constraints = new ArrayList<>();
        for (Atom atom : atoms) {
            LinearExpression e = atom.expression();
            if (e.size() != 1) {
                constraints.add(inequality(atom));
                continue;
            }
            // c x + d <= 0 bounds x by -d / c from above (c > 0) or from below (c < 0).
            int i = e.variable(0).index();
            BigDecimal c = e.coefficient(0);
            BigDecimal minusD = e.constant().negate();
            if (c.signum() > 0) {
                double bound = DirectedRounding.quotientUp(minusD, c);
                requireFinite(bound, atom, "the upper bound");
                if (bound < upper[i] || upperAt[i] == null) {
                    upper[i] = bound;
                    upperAt[i] = atom.position();
                }
            } else {
                double bound = DirectedRounding.quotientDown(minusD, c);
                requireFinite(bound, atom, "the lower bound");
                if (bound > lower[i] || lowerAt[i] == null) {
                    lower[i] = bound;
                    lowerAt[i] = atom.position();
                }
            }
        }
        String inCase = caseCount > 1 ? " in case " + (caseIndex + 1) + " of " + caseCount : "";
        for (int i = 0; i < inputCount; i++) {
            if (lowerAt[i] == null || upperAt[i] == null) {
                String missing = lowerAt[i] == null ? "lower" : "upper";
                String example = lowerAt[i] == null ? "(assert (>= X_" + i + " 0.0))" : "(assert (<= X_" + i + " 1.0))";
                throw error(inputDeclarations.get(i), "X_" + i + " has no " + missing + " bound" + inCase
                        + "; every input needs a lower and an upper bound, e.g. " + example);
            }
        }
        for (int i = 0; i < inputCount; i++) {
            if (lower[i] > upper[i]) {
                Position later = lowerAt[i].line() > upperAt[i].line()
                        || (lowerAt[i].line() == upperAt[i].line() && lowerAt[i].column() > upperAt[i].column())
                        ? lowerAt[i] : upperAt[i];
                String reason = "X_" + i + " >= " + lower[i] + " (" + lowerAt[i] + ") and X_" + i + " <= " + upper[i]
                        + " (" + upperAt[i] + ") leave no value" + inCase;
                return new EmptyRegion(reason, later);
            }
        }
        return new Region(new Box(lower, upper), new Conjunction(constraints));
    }

    /** The atom as {@code sum c_k v_k + d <= 0} in doubles: coefficients to nearest, the constant rounded down. */
    private LinearInequality inequality(Atom atom) {
        LinearExpression e = atom.expression();
        List<Term> terms = new ArrayList<>(e.size());
        for (int k = 0; k < e.size(); k++) {
            double c = e.coefficient(k).doubleValue();
            if (!Double.isFinite(c) || c == 0.0) {
                throw error(atom.position(), "the coefficient " + e.coefficient(k) + " of " + e.variable(k)
                        + " is outside the range of double-precision numbers");
            }
            terms.add(new Term(c, e.variable(k)));
        }
        double constant = DirectedRounding.down(e.constant());
        requireFinite(constant, atom, "the constant");
        return new LinearInequality(terms, constant);
    }

    private void requireFinite(double value, Atom atom, String what) {
        if (!Double.isFinite(value)) {
            throw error(atom.position(), what + " of this comparison is outside the range of double-precision numbers");
        }
    }

    /** The parts of nested top-level {@code and}s. */
    private static List<Formula> conjuncts(Formula f) {
        if (f instanceof Formula.And and) {
            List<Formula> parts = new ArrayList<>();
            and.parts().forEach(p -> parts.addAll(conjuncts(p)));
            return parts;
        }
        return List.of(f);
    }

    /** The disjunctive normal form: a list of terms, each a conjunction of atoms; the empty list is false. */
    private List<List<Atom>> dnf(Formula f, Position at) {
        if (f instanceof Atom atom) {
            if (atom.expression().isConstant()) {
                return atom.constantHolds() ? trueDnf() : new ArrayList<>();
            }
            List<List<Atom>> single = new ArrayList<>(1);
            single.add(new ArrayList<>(List.of(atom)));
            return single;
        }
        if (f instanceof Formula.Or or) {
            List<List<Atom>> terms = new ArrayList<>();
            for (Formula p : or.parts()) {
                terms.addAll(dnf(p, at));
                if (terms.size() > MAX_CONJUNCTIONS) {
                    throw tooMany(at);
                }
            }
            return terms;
        }
        List<List<Atom>> terms = trueDnf();
        for (Formula p : ((Formula.And) f).parts()) {
            terms = product(terms, dnf(p, at), at);
        }
        return terms;
    }

    /** The DNF of the conjunction of two DNFs; may reuse (and extend) the terms of {@code left}. */
    private List<List<Atom>> product(List<List<Atom>> left, List<List<Atom>> right, Position at) {
        if ((long) left.size() * right.size() > MAX_CONJUNCTIONS) {
            throw tooMany(at);
        }
        if (right.size() == 1) {
            left.forEach(t -> t.addAll(right.get(0)));
            return left;
        }
        List<List<Atom>> terms = new ArrayList<>(left.size() * right.size());
        for (List<Atom> l : left) {
            for (List<Atom> r : right) {
                List<Atom> t = new ArrayList<>(l.size() + r.size());
                t.addAll(l);
                t.addAll(r);
                terms.add(t);
            }
        }
        return terms;
    }

    /** The DNF of {@code true}: one empty term (a fresh, mutable list). */
    private static List<List<Atom>> trueDnf() {
        List<List<Atom>> dnf = new ArrayList<>(1);
        dnf.add(new ArrayList<>());
        return dnf;
    }

    private VnnlibFormatException tooMany(Position at) {
        return error(at, "distributing the disjunctions gives more than " + MAX_CONJUNCTIONS + " conjunctions;"
                + " split the property into several files");
    }

    private VnnlibFormatException error(Position at, String problem) {
        return new VnnlibFormatException(source, at.line(), at.column(), problem);
    }
}
