package io.exactline.verifier.certificate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/**
 * A linear inequality {@code c . y + e . x + d <= 0} of a property, with its coefficients as doubles that are
 * exactly the property's.
 *
 * <p>The inequalities of an unsafe conjunction are numbered as in a certificate: the case's input constraints
 * first, then the inequalities of the output condition's disjunct; the number equal to their count stands for the
 * sum of all of them ({@link #conjunction}).
 *
 * @param outputs {@code c}, one per network output
 * @param inputs {@code e}, one per network input
 * @param constant {@code d}
 */
record ExactInequality(double[] outputs, double[] inputs, double constant) {

    /** The inequality as it reads a property's variables (each variable occurs in at most one term). */
    static ExactInequality of(LinearInequality inequality, int inputCount, int outputCount) {
        double[] out = new double[outputCount];
        double[] in = new double[inputCount];
        for (Term t : inequality.terms()) {
            double[] row = t.variable().kind() == Variable.Kind.OUTPUT ? out : in;
            row[t.variable().index()] = t.coefficient();
        }
        return new ExactInequality(out, in, inequality.constant());
    }

    /**
     * The inequalities of unsafe conjunction {@code disjunct} of {@code c}, numbered as in a certificate, followed
     * by their sum when there are at least two and every coefficient of the sum is exactly a double (it holds
     * wherever they all do, so showing it violated shows the conjunction empty).
     */
    static List<ExactInequality> conjunction(PropertyCase c, int disjunct, int inputCount, int outputCount) {
        List<LinearInequality> all = new ArrayList<>(c.inputConstraints().inequalities());
        Conjunction d = c.outputCondition().disjuncts().get(disjunct);
        all.addAll(d.inequalities());
        List<ExactInequality> result = new ArrayList<>();
        for (LinearInequality q : all) {
            result.add(of(q, inputCount, outputCount));
        }
        if (result.size() < 2) {
            return result;
        }
        double[] out = new double[outputCount];
        double[] in = new double[inputCount];
        for (int j = 0; j < outputCount; j++) {
            int column = j;
            out[j] = exactSum(result.stream().mapToDouble(q -> q.outputs[column]).toArray());
        }
        for (int i = 0; i < inputCount; i++) {
            int column = i;
            in[i] = exactSum(result.stream().mapToDouble(q -> q.inputs[column]).toArray());
        }
        double constant = exactSum(result.stream().mapToDouble(ExactInequality::constant).toArray());
        boolean exact = Double.isFinite(constant);
        for (double v : out) {
            exact &= Double.isFinite(v);
        }
        for (double v : in) {
            exact &= Double.isFinite(v);
        }
        if (exact) {
            result.add(new ExactInequality(out, in, constant));
        }
        return result;
    }

    /** The sum of {@code values} when it is exactly a double, else NaN. */
    private static double exactSum(double[] values) {
        BigDecimal exact = BigDecimal.ZERO;
        double sum = 0.0;
        for (double v : values) {
            exact = exact.add(new BigDecimal(v));
            sum += v;
        }
        return Double.isFinite(sum) && new BigDecimal(sum).compareTo(exact) == 0 ? sum : Double.NaN;
    }
}
