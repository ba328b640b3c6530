package io.exactline.verifier.bab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.core.plane.ExactPlane;
import io.exactline.core.plane.Region;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.falsify.UnsafeConjunction;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Verdict;

/**
 * Random small ReLU networks with random boxes and properties whose truth is known exactly, independently of
 * bound propagation: on 1-input networks from ExactLine (the minimax of the conjunction's affine margins on every
 * piece), on 2-input networks from ExactPlane (a disjunction of single inequalities is sat iff some vertex of some
 * affine region satisfies one). Instances whose true margin lies within {@value #CLEARANCE} of 0 are skipped, so
 * rounding cannot make the truth doubtful.
 */
public final class RandomInstances {
    static final double CLEARANCE = 1e-6;

    /** A property with its true answer and the exact minimal margin (<= 0 iff sat). */
    public record Instance(Network network, Property property, boolean sat, double margin) {
        @Override
        public String toString() {
            return network.source() + " " + property.cases().get(0) + " (true margin " + margin + ")";
        }
    }

    private RandomInstances() {
    }

    /** {@code count} decided instances from {@code seed}, alternating 1-input and 2-input networks. */
    public static List<Instance> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Instance> result = new ArrayList<>();
        int attempt = 0;
        while (result.size() < count) {
            attempt++;
            boolean line = attempt % 2 == 0;
            Network net = network(random, line ? 1 : 2, 3, "random#" + seed + "." + attempt);
            Box box = box(random, line ? 1 : 2);
            OutputCondition condition = condition(random, net, box, line);
            Property property = Property.of("random property " + attempt, box, 3, condition);
            double margin = line ? lineMargin(net, box, property) : planeMargin(net, box, property);
            if (Math.abs(margin) > CLEARANCE) {
                result.add(new Instance(net, property, margin <= 0, margin));
            }
        }
        return result;
    }

    /** The instances where {@code engine}'s verdict contradicts the truth, described; unknown and timeout are no contradiction. */
    public static List<String> disagreements(Engine engine, List<Instance> instances) {
        List<String> wrong = new ArrayList<>();
        for (Instance instance : instances) {
            Verdict v = engine.verify(instance.network(), instance.property(), Deadline.unlimited());
            boolean contradicts = instance.sat() ? v.status().equals("unsat") : v.status().equals("sat");
            if (contradicts) {
                wrong.add(engine.name() + " says " + v.status() + " but the truth is "
                        + (instance.sat() ? "sat" : "unsat") + ": " + instance);
            }
        }
        return wrong;
    }

    private static Network network(Random random, int inputs, int outputs, String name) {
        int[] widths = {inputs, 6 + random.nextInt(5), 6 + random.nextInt(5), outputs};
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            double[][] w = new double[widths[l]][widths[l - 1]];
            double[] b = new double[widths[l]];
            for (int j = 0; j < widths[l]; j++) {
                for (int k = 0; k < widths[l - 1]; k++) {
                    w[j][k] = 2 * random.nextDouble() - 1;
                }
                b[j] = (2 * random.nextDouble() - 1) * 0.5;
            }
            layers.add(new Dense(w, b));
            if (l < widths.length - 1) {
                layers.add(new Relu(Shape.vector(widths[l])));
            }
        }
        return new Network(layers, name + " " + Arrays.toString(widths));
    }

    private static Box box(Random random, int inputs) {
        double[] lo = new double[inputs];
        double[] hi = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            double c = 2 * random.nextDouble() - 1;
            double r = 0.1 + random.nextDouble();
            lo[i] = c - r;
            hi[i] = c + r;
        }
        return new Box(lo, hi);
    }

    /**
     * One or two disjuncts; on lines each a conjunction of one to three inequalities, on planes a single one. The
     * constant puts the inequality's zero near its value at a random point of the box, so both answers occur.
     */
    private static OutputCondition condition(Random random, Network net, Box box, boolean line) {
        List<Conjunction> disjuncts = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int k = 0; k < count; k++) {
            List<LinearInequality> inequalities = new ArrayList<>();
            int size = line ? 1 + random.nextInt(3) : 1;
            for (int q = 0; q < size; q++) {
                double[] x = new double[box.dimension()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = box.lower(i) + random.nextDouble() * box.width(i);
                }
                double[] y = net.evaluate(x);
                List<Term> terms = new ArrayList<>();
                double value = 0;
                for (int j = 0; j < y.length; j++) {
                    double c = Math.rint((2 * random.nextDouble() - 1) * 4) / 4;
                    if (c != 0) {
                        terms.add(new Term(c, Variable.output(j)));
                        value += c * y[j];
                    }
                }
                if (terms.isEmpty()) {
                    terms.add(new Term(1.0, Variable.output(0)));
                    value = y[0];
                }
                inequalities.add(new LinearInequality(terms, -value + (random.nextDouble() - 0.5) * 0.5));
            }
            disjuncts.add(new Conjunction(inequalities));
        }
        return new OutputCondition(disjuncts);
    }

    /** min over disjuncts and points of the conjunction's margin, exactly per ExactLine piece (1 input). */
    private static double lineMargin(Network net, Box box, Property property) {
        LinePartition partition = ExactLine.partition(net, box.lower(), box.upper());
        double best = Double.POSITIVE_INFINITY;
        for (UnsafeConjunction c : UnsafeConjunction.of(property.cases().get(0), 1, 3)) {
            for (int p = 0; p < partition.pieceCount(); p++) {
                double[] x0 = partition.inputAt(partition.ratio(p));
                double[] x1 = partition.inputAt(partition.ratio(p + 1));
                double[] y0 = partition.outputAtRatio(p);
                double[] y1 = partition.outputAtRatio(p + 1);
                best = Math.min(best, minimax(c, x0, y0, x1, y1));
            }
        }
        return best;
    }

    /** min over s in [0, 1] of max_q of the inequalities' values, affine in s between the two ends. */
    private static double minimax(UnsafeConjunction c, double[] x0, double[] y0, double[] x1, double[] y1) {
        int n = c.size();
        double[] g0 = new double[n];
        double[] g1 = new double[n];
        for (int q = 0; q < n; q++) {
            g0[q] = c.value(q, x0, y0);
            g1[q] = c.value(q, x1, y1);
        }
        List<Double> candidates = new ArrayList<>(List.of(0.0, 1.0));
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double da = g1[a] - g0[a];
                double db = g1[b] - g0[b];
                if (da != db) {
                    double s = (g0[b] - g0[a]) / (da - db);
                    if (s > 0 && s < 1) {
                        candidates.add(s);
                    }
                }
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (double s : candidates) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < n; q++) {
                worst = Math.max(worst, g0[q] + s * (g1[q] - g0[q]));
            }
            best = Math.min(best, worst);
        }
        return best;
    }

    /** min over disjuncts (single inequalities) and region vertices of the inequality's value (2 inputs). */
    private static double planeMargin(Network net, Box box, Property property) {
        List<double[]> corners = List.of(new double[] {box.lower(0), box.lower(1)},
                new double[] {box.upper(0), box.lower(1)}, new double[] {box.upper(0), box.upper(1)},
                new double[] {box.lower(0), box.upper(1)});
        List<Region> regions = ExactPlane.partition(net, corners).regions();
        double best = Double.POSITIVE_INFINITY;
        for (UnsafeConjunction c : UnsafeConjunction.of(property.cases().get(0), 2, 3)) {
            for (Region r : regions) {
                double[][] xs = r.inputVertices();
                double[][] ys = r.outputs();
                for (int v = 0; v < xs.length; v++) {
                    best = Math.min(best, c.margin(xs[v], ys[v]));
                }
            }
        }
        return best;
    }
}
