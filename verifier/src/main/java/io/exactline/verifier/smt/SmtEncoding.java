package io.exactline.verifier.smt;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.commons.numbers.fraction.BigFraction;
import org.sosy_lab.common.rationals.Rational;
import org.sosy_lab.java_smt.api.BooleanFormula;
import org.sosy_lab.java_smt.api.BooleanFormulaManager;
import org.sosy_lab.java_smt.api.FormulaManager;
import org.sosy_lab.java_smt.api.NumeralFormula;
import org.sosy_lab.java_smt.api.NumeralFormula.RationalFormula;
import org.sosy_lab.java_smt.api.RationalFormulaManager;

import io.exactline.verifier.encoding.ActivationPieces;
import io.exactline.verifier.encoding.ActivationStep;
import io.exactline.verifier.encoding.AffineStep;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.NetworkStep;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/**
 * A {@link NetworkRegion} as linear real arithmetic formulas over input variables {@code x_j}; the region's box
 * and input constraints become linear constraints on them.
 *
 * <p>Affine steps become linear terms with exact rational coefficients. A unit {@code y = f(z)} becomes the
 * disjunction over the pieces {@code s} of {@code f} of {@code c_s <= z <= c_{s+1} and y = slope_s z + intercept_s},
 * with a fresh variable for {@code y}; the closed pieces describe {@code f} exactly because adjacent pieces agree at
 * their breakpoint. Pieces that the given rigorous bounds of {@code z} over the region rule out are dropped (a unit
 * whose bounds lie in one closed piece needs no disjunction and no variable); for the others the bounds are added
 * as redundant constraints. A unit the region's pattern fixes to piece {@code s} gets that piece's constraints and
 * term.
 *
 * <p>The convex hull of each unit's graph (the triangle relaxation) is deliberately not added: its lines carry long
 * rationals, and on ACAS Xu networks Z3 then reacted to the deadline tens of seconds late (without them, within
 * about a second) and decided no more of the benchmark's queries.
 */
final class SmtEncoding {
    private final RationalFormulaManager numbers;
    private final BooleanFormulaManager booleans;
    private final List<RationalFormula> inputs = new ArrayList<>();
    private final List<NumeralFormula> outputs;
    private final List<BooleanFormula> constraints = new ArrayList<>();

    /**
     * @param bounds pre-activation bounds valid over the region (interval bounds, or tighter ones from sound bound
     *               propagation)
     */
    SmtEncoding(FormulaManager formulas, NetworkRegion region, PreActivationBounds bounds) {
        this.numbers = formulas.getRationalFormulaManager();
        this.booleans = formulas.getBooleanFormulaManager();
        PiecewiseAffineNetwork network = region.network();
        double[] lower = region.box().lower();
        double[] upper = region.box().upper();
        List<NumeralFormula> current = new ArrayList<>();
        for (int j = 0; j < network.inputSize(); j++) {
            RationalFormula x = numbers.makeVariable("x" + j);
            inputs.add(x);
            current.add(x);
            constraints.add(numbers.greaterOrEquals(x, number(lower[j])));
            constraints.add(numbers.lessOrEquals(x, number(upper[j])));
        }
        for (LinearInequality q : region.inputConstraints().inequalities()) {
            constraints.add(atom(q.terms(), q.constant(), List.copyOf(inputs)));
        }
        bounds.checkAgainst(network);
        for (NetworkStep step : network.steps()) {
            if (step instanceof AffineStep affine) {
                current = affine(affine, current);
            } else {
                current = activation((ActivationStep) step, current, bounds, region);
            }
        }
        this.outputs = current;
    }

    /** The input variables {@code x_0 .. x_{n-1}}. */
    List<RationalFormula> inputs() {
        return inputs;
    }

    /** The constraints that define the region and the network's graph on it. */
    List<BooleanFormula> constraints() {
        return constraints;
    }

    /** The formula for {@code condition} over the network's inputs and outputs. */
    BooleanFormula condition(OutputCondition condition) {
        List<BooleanFormula> disjuncts = new ArrayList<>();
        for (Conjunction conjunction : condition.disjuncts()) {
            List<BooleanFormula> atoms = new ArrayList<>();
            for (LinearInequality q : conjunction.inequalities()) {
                atoms.add(atom(q.terms(), q.constant(), outputs));
            }
            disjuncts.add(booleans.and(atoms));
        }
        return booleans.or(disjuncts);
    }

    /** The term {@code sum_k c_k v_k + d} of an objective over the network's inputs and outputs. */
    NumeralFormula objective(LinearObjective objective) {
        return term(objective.terms(), objective.constant(), outputs);
    }

    private BooleanFormula atom(List<Term> terms, double constant, List<? extends NumeralFormula> outs) {
        return numbers.lessOrEquals(term(terms, constant, outs), number(0.0));
    }

    private NumeralFormula term(List<Term> terms, double constant, List<? extends NumeralFormula> outs) {
        List<NumeralFormula> parts = new ArrayList<>();
        parts.add(number(constant));
        for (Term t : terms) {
            NumeralFormula v = t.variable().kind() == Variable.Kind.INPUT ? inputs.get(t.variable().index())
                    : outs.get(t.variable().index());
            parts.add(scaled(t.coefficient(), v));
        }
        return numbers.sum(parts);
    }

    private List<NumeralFormula> affine(AffineStep step, List<NumeralFormula> in) {
        List<NumeralFormula> out = new ArrayList<>(step.outputSize());
        for (int i = 0; i < step.outputSize(); i++) {
            List<NumeralFormula> terms = new ArrayList<>(step.rowSize(i) + 1);
            terms.add(number(step.bias(i)));
            for (int k = 0; k < step.rowSize(i); k++) {
                terms.add(scaled(step.weight(i, k), in.get(step.index(i, k))));
            }
            out.add(numbers.sum(terms));
        }
        return out;
    }

    private List<NumeralFormula> activation(ActivationStep step, List<NumeralFormula> in, PreActivationBounds bounds,
            NetworkRegion region) {
        ActivationPieces pieces = step.pieces();
        List<NumeralFormula> out = new ArrayList<>(step.size());
        for (int i = 0; i < step.size(); i++) {
            NumeralFormula z = in.get(i);
            OptionalInt fixed = region.fixedState(step.layer(), i);
            if (fixed.isPresent()) {
                constraints.add(inPiece(z, pieces, fixed.getAsInt()));
                out.add(pieceTerm(z, pieces, fixed.getAsInt()));
                continue;
            }
            double low = bounds.lower(step.layer(), i);
            double high = bounds.upper(step.layer(), i);
            List<Integer> possible = new ArrayList<>();
            int containing = -1;
            for (int s = 0; s < pieces.pieceCount(); s++) {
                if (pieces.pieceLow(s) <= high && pieces.pieceHigh(s) >= low) {
                    possible.add(s);
                }
                if (pieces.pieceLow(s) <= low && high <= pieces.pieceHigh(s)) {
                    containing = s;
                }
            }
            if (containing >= 0) {
                out.add(pieceTerm(z, pieces, containing));
                continue;
            }
            RationalFormula y = numbers.makeVariable("y" + step.layer() + "_" + i);
            List<BooleanFormula> cases = new ArrayList<>();
            for (int s : possible) {
                cases.add(booleans.and(inPiece(z, pieces, s), numbers.equal(y, pieceTerm(z, pieces, s))));
            }
            constraints.add(booleans.or(cases));
            if (Double.isFinite(low)) {
                constraints.add(numbers.greaterOrEquals(z, number(low)));
            }
            if (Double.isFinite(high)) {
                constraints.add(numbers.lessOrEquals(z, number(high)));
            }
            out.add(y);
        }
        return out;
    }

    private BooleanFormula inPiece(NumeralFormula z, ActivationPieces pieces, int s) {
        List<BooleanFormula> sides = new ArrayList<>(2);
        if (Double.isFinite(pieces.pieceLow(s))) {
            sides.add(numbers.greaterOrEquals(z, number(pieces.pieceLow(s))));
        }
        if (Double.isFinite(pieces.pieceHigh(s))) {
            sides.add(numbers.lessOrEquals(z, number(pieces.pieceHigh(s))));
        }
        return booleans.and(sides);
    }

    private NumeralFormula pieceTerm(NumeralFormula z, ActivationPieces pieces, int s) {
        double slope = pieces.slope(s);
        double intercept = pieces.intercept(s);
        if (slope == 0.0) {
            return number(intercept);
        }
        NumeralFormula scaledZ = scaled(slope, z);
        return intercept == 0.0 ? scaledZ : numbers.sum(List.of(scaledZ, number(intercept)));
    }

    private NumeralFormula scaled(double factor, NumeralFormula term) {
        return factor == 1.0 ? term : numbers.multiply(number(factor), term);
    }

    private RationalFormula number(double value) {
        BigFraction exact = BigFraction.from(value);
        return numbers.makeNumber(Rational.of(exact.getNumerator(), exact.getDenominator()));
    }
}
