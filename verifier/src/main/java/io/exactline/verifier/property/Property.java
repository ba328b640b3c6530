package io.exactline.verifier.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;

/**
 * A verification property in the VNN-LIB sense: a description of the <em>unsafe</em> set.
 *
 * <p>The property is a disjunction of {@link PropertyCase}s. It is <b>sat</b> for a network {@code f} when some
 * input {@code x} and its outputs {@code y = f(x)} satisfy some case: {@code x} lies in the case's box and input
 * constraints, and {@code y} satisfies the case's output condition. Such an {@code x} is a counterexample to the
 * safety claim. It is <b>unsat</b> when no input does, i.e. the network is safe on the whole input region.
 *
 * <p>The input region is the union of the cases' regions; most properties have one case, ACAS Xu property 6
 * has two boxes, and VNN-COMP allows a different output condition per box.
 *
 * @param source where the property came from (a file name or a description), for messages
 * @param inputCount number of network inputs {@code X_0 .. X_{n-1}}
 * @param outputCount number of network outputs {@code Y_0 .. Y_{m-1}}
 * @param cases the cases, at least one
 */
public record Property(String source, int inputCount, int outputCount, List<PropertyCase> cases) {
    public Property {
        cases = List.copyOf(cases);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(source + ": a property needs at least one case");
        }
        if (inputCount <= 0 || outputCount <= 0) {
            throw new IllegalArgumentException(source + ": a property needs inputs and outputs, got "
                    + inputCount + " inputs and " + outputCount + " outputs");
        }
        for (int k = 0; k < cases.size(); k++) {
            PropertyCase c = cases.get(k);
            if (c.box().dimension() != inputCount) {
                throw new IllegalArgumentException(source + ": case " + k + " has a box of " + c.box().dimension()
                        + " inputs but the property has " + inputCount);
            }
            List<LinearInequality> all = new ArrayList<>(c.inputConstraints().inequalities());
            c.outputCondition().disjuncts().forEach(d -> all.addAll(d.inequalities()));
            for (LinearInequality q : all) {
                for (Term t : q.terms()) {
                    int limit = t.variable().kind() == Variable.Kind.INPUT ? inputCount : outputCount;
                    if (t.variable().index() >= limit) {
                        throw new IllegalArgumentException(source + ": case " + k + " uses " + t.variable()
                                + " but the property has " + inputCount + " inputs and " + outputCount + " outputs");
                    }
                }
            }
        }
    }

    /** A property of one box and one output condition. */
    public static Property of(String source, Box box, int outputCount, OutputCondition condition) {
        return new Property(source, box.dimension(), outputCount, List.of(new PropertyCase(box, condition)));
    }

    /**
     * Throws {@link BadInputException} unless {@code network} has {@link #inputCount()} inputs and
     * {@link #outputCount()} outputs, naming both sizes.
     */
    public void requireCompatible(Network network) {
        if (network.inputSize() != inputCount || network.outputSize() != outputCount) {
            throw new BadInputException("property " + source + " is over " + inputCount + " inputs and "
                    + outputCount + " outputs but network " + network.source() + " has " + network.inputSize()
                    + " inputs (shape " + network.inputShape() + ") and " + network.outputSize()
                    + " outputs (shape " + network.outputShape() + ")");
        }
    }

    /** The boxes of the cases, in order. */
    public List<Box> boxes() {
        return cases.stream().map(PropertyCase::box).toList();
    }

    /** The smallest box containing every case's box. */
    public Box boundingBox() {
        return boxes().stream().reduce(Box::hull).orElseThrow();
    }

    /** Whether {@code x} lies in the input region of some case, exactly. */
    public boolean contains(double[] x) {
        checkInput(x);
        return cases.stream().anyMatch(c -> c.contains(x));
    }

    /**
     * Whether {@code (x, y)} lies in the unsafe set, decided exactly for these double values: some case
     * contains {@code x} and its output condition holds at {@code (x, y)}. No tolerance.
     */
    public boolean holdsAt(double[] x, double[] y) {
        return match(x, y).isPresent();
    }

    /**
     * Whether {@code (x, y)} lies in the unsafe set with every bound and inequality relaxed by
     * {@code tolerance} (as the VNN-COMP checker accepts counterexamples).
     */
    public boolean holdsAt(double[] x, double[] y, double tolerance) {
        checkInput(x);
        checkOutput(y);
        return cases.stream().anyMatch(c -> c.holdsAt(x, y, tolerance));
    }

    /** The first case and disjunct satisfied exactly at {@code (x, y)}, with a description, if any. */
    public Optional<PropertyMatch> match(double[] x, double[] y) {
        checkInput(x);
        checkOutput(y);
        for (int k = 0; k < cases.size(); k++) {
            PropertyCase c = cases.get(k);
            if (c.contains(x)) {
                OptionalInt d = c.outputCondition().firstHolding(x, y);
                if (d.isPresent()) {
                    Conjunction disjunct = c.outputCondition().disjuncts().get(d.getAsInt());
                    return Optional.of(new PropertyMatch(k, d.getAsInt(), caseName(k)
                            + disjunctName(c, d.getAsInt()) + ": " + disjunct.describeAt(x, y)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code (x, y)} does or does not lie in the unsafe set, one line per case: the satisfied disjunct, or
     * the first input outside the box, or the first failing inequality of every disjunct.
     */
    public String describeAt(double[] x, double[] y) {
        checkInput(x);
        checkOutput(y);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            PropertyCase c = cases.get(k);
            int outside = c.box().firstOutside(x);
            if (outside >= 0) {
                lines.add(caseName(k) + ": " + Variable.input(outside) + " = " + x[outside] + " is outside ["
                        + c.box().lower(outside) + ", " + c.box().upper(outside) + "]");
                continue;
            }
            Optional<LinearInequality> failingInput = c.inputConstraints().firstFailing(x, y);
            if (failingInput.isPresent()) {
                lines.add(caseName(k) + ": input constraint " + failingInput.get().describeAt(x, y));
                continue;
            }
            List<Conjunction> disjuncts = c.outputCondition().disjuncts();
            for (int d = 0; d < disjuncts.size(); d++) {
                Optional<LinearInequality> failing = disjuncts.get(d).firstFailing(x, y);
                lines.add(caseName(k) + disjunctName(c, d) + ": "
                        + (failing.isPresent() ? failing.get().describeAt(x, y)
                                : disjuncts.get(d).describeAt(x, y)));
            }
        }
        return String.join("\n", lines);
    }

    private String caseName(int k) {
        return cases.size() == 1 ? "unsafe set" : "case " + (k + 1) + " of " + cases.size();
    }

    private static String disjunctName(PropertyCase c, int d) {
        int n = c.outputCondition().disjuncts().size();
        return n == 1 ? "" : ", disjunct " + (d + 1) + " of " + n;
    }

    private void checkInput(double[] x) {
        if (x.length != inputCount) {
            throw new BadInputException("input has " + x.length + " values but property " + source + " has "
                    + inputCount + " inputs");
        }
    }

    private void checkOutput(double[] y) {
        if (y.length != outputCount) {
            throw new BadInputException("output has " + y.length + " values but property " + source + " has "
                    + outputCount + " outputs");
        }
    }

    @Override
    public String toString() {
        return "Property(" + source + ", " + inputCount + " inputs, " + outputCount + " outputs, " + cases.size()
                + (cases.size() == 1 ? " case)" : " cases)");
    }
}
