package io.exactline.preconditions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * What preconditions are mined for: an output property {@code P} and the input domain. From a VNN-LIB file
 * ({@link #fromVnnlib}): the file's input box as the domain, and as {@code P} the negation of its unsafe output
 * condition.
 *
 * <h2>Which VNN-LIB files fit</h2>
 * A VNN-LIB file describes the unsafe set: a disjunction of conjunctions of inequalities {@code s(y) <= 0}. Its
 * negation is a conjunction (what {@link OutputProperty} is) exactly when every disjunct is a single inequality;
 * then {@code P} is {@code s_d(y) > 0} for every disjunct {@code d}, taken as the atom {@code s_d(y) >= 0}, with
 * ties on the safe side as for {@link OutputProperty#argmin} (a proof whose margin is positive is strict). The file
 * must have one input box, no input constraints beyond it, and only output variables in its output condition.
 * ACAS Xu properties 1, 5, 7 to 10 fit ("the advisory is never ...", "COC stays below ..."); 2 to 4 ("... is not the
 * advisory") negate to a disjunction and are refused.
 *
 * @param property {@code P}
 * @param domain the input box
 */
public record MiningTarget(OutputProperty property, Box domain) {

    /**
     * Reads {@code file} for a network with {@code inputs} inputs and {@code outputs} outputs.
     *
     * @throws BadInputException if the file does not parse, does not fit the network or is not of the form above
     */
    public static MiningTarget fromVnnlib(Path file, int inputs, int outputs) {
        Property parsed = VnnlibParser.parse(file);
        if (parsed.inputCount() != inputs || parsed.outputCount() != outputs) {
            throw new BadInputException(file + " is over " + parsed.inputCount() + " inputs and "
                    + parsed.outputCount() + " outputs but the network has " + inputs + " and " + outputs);
        }
        if (parsed.cases().size() != 1) {
            throw new BadInputException(file + " has " + parsed.cases().size() + " input boxes; mining needs one "
                    + "box as its domain: split the file into one file per box");
        }
        PropertyCase only = parsed.cases().get(0);
        if (!only.inputConstraints().inequalities().isEmpty()) {
            throw new BadInputException(file + " constrains the inputs beyond a box (" + only.inputConstraints()
                    + "); mining needs a box as its domain");
        }
        List<LinearObjective> atoms = new ArrayList<>();
        List<Conjunction> disjuncts = only.outputCondition().disjuncts();
        for (int d = 0; d < disjuncts.size(); d++) {
            List<LinearInequality> inequalities = disjuncts.get(d).inequalities();
            if (inequalities.size() != 1) {
                throw new BadInputException(file + ": unsafe disjunct " + (d + 1) + " (" + disjuncts.get(d) + ") has "
                        + inequalities.size() + " inequalities; its negation is a disjunction, and a precondition's "
                        + "property must be a conjunction: give each disjunct one inequality");
            }
            atoms.add(atom(file, inequalities.get(0), outputs));
        }
        return new MiningTarget(new OutputProperty(atoms, outputs, "not " + file.getFileName()), only.box());
    }

    /** The atom {@code s(y) >= 0} of an unsafe inequality {@code s(y) <= 0} over the outputs. */
    private static LinearObjective atom(Path file, LinearInequality unsafe, int outputs) {
        double[] c = new double[outputs];
        for (Term t : unsafe.terms()) {
            if (t.variable().kind() != Variable.Kind.OUTPUT) {
                throw new BadInputException(file + ": the unsafe condition " + unsafe + " reads input "
                        + t.variable() + "; a precondition's property may read outputs only");
            }
            c[t.variable().index()] = t.coefficient();
        }
        return LinearObjective.overOutputs(c, unsafe.constant());
    }
}
