package io.exactline.verifier.vnnlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.exactline.testkit.SharedData;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Variable;

/**
 * Every VNN-LIB file in the shared data parses, and agrees with an independent line-by-line reading of the
 * simple forms these files use: {@code (op X_i c)} bounds and {@code (op Y_a Y_b)} / {@code (op Y_a c)}
 * comparisons, either as top-level asserts or inside one {@code (and ...)} per line.
 */
class SharedSpecsTest {
    private static final Pattern ATOM = Pattern.compile("\\((<=|>=) ([XY])_(\\d+) ([XY]_\\d+|[-+.\\dEe]+)\\)");

    private static List<Path> specs() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("acasxu/vnnlib", "vnncomp2021")) {
            try (Stream<Path> walk = Files.walk(SharedData.require(folder))) {
                walk.filter(p -> p.toString().endsWith(".vnnlib")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everySharedSpecParsesAndMatchesALineByLineReading() throws IOException {
        List<Path> files = specs();
        assertThat(files).as("ACAS Xu's 10 and VNN-COMP 2021's 196 properties").hasSize(206);
        return files.stream().map(f -> DynamicTest.dynamicTest(SharedData.root().relativize(f).toString(),
                () -> checkAgainstLines(f)));
    }

    /** The cases and conditions a line-by-line reading predicts, compared with the parser's. */
    private static void checkAgainstLines(Path file) throws IOException {
        Property property = VnnlibParser.parse(file);
        List<String> lines = Files.readAllLines(file).stream().map(l -> l.replaceAll(";.*", "").trim()).toList();
        int n = property.inputCount();
        BigDecimal[] sharedLower = new BigDecimal[n];
        BigDecimal[] sharedUpper = new BigDecimal[n];
        List<BigDecimal[][]> caseBounds = new ArrayList<>();
        List<LinearInequality> topOutputs = new ArrayList<>();
        List<Conjunction> disjuncts = new ArrayList<>();
        for (String line : lines) {
            boolean topLevel = line.startsWith("(assert (") && !line.startsWith("(assert (or");
            boolean inner = line.startsWith("(and");
            if (!topLevel && !inner) {
                continue;
            }
            BigDecimal[] lower = topLevel ? sharedLower : new BigDecimal[n];
            BigDecimal[] upper = topLevel ? sharedUpper : new BigDecimal[n];
            List<LinearInequality> outputs = new ArrayList<>();
            boolean readsInputs = false;
            Matcher m = ATOM.matcher(line);
            while (m.find()) {
                boolean atMost = m.group(1).equals("<=");
                int index = Integer.parseInt(m.group(3));
                String other = m.group(4);
                if (m.group(2).equals("X")) {
                    readsInputs = true;
                    (atMost ? upper : lower)[index] = new BigDecimal(other);
                } else if (other.startsWith("Y_")) {
                    Variable a = Variable.output(index);
                    Variable b = Variable.output(Integer.parseInt(other.substring(2)));
                    outputs.add(atMost ? LinearInequality.lessOrEqual(a, b) : LinearInequality.lessOrEqual(b, a));
                } else {
                    BigDecimal c = new BigDecimal(other);
                    Variable y = Variable.output(index);
                    outputs.add(atMost ? LinearInequality.atMost(y, up(c)) : LinearInequality.atLeast(y, down(c)));
                }
            }
            if (topLevel) {
                topOutputs.addAll(outputs);
            } else {
                if (readsInputs) {
                    caseBounds.add(new BigDecimal[][] {lower, upper});
                }
                if (!outputs.isEmpty()) {
                    disjuncts.add(new Conjunction(outputs));
                }
            }
        }
        if (caseBounds.isEmpty()) {
            caseBounds.add(new BigDecimal[][] {new BigDecimal[n], new BigDecimal[n]});
        }
        OutputCondition expectedCondition = disjuncts.isEmpty()
                ? new OutputCondition(List.of(new Conjunction(topOutputs)))
                : new OutputCondition(disjuncts.stream().map(d -> {
                    List<LinearInequality> all = new ArrayList<>(d.inequalities());
                    all.addAll(topOutputs);
                    return new Conjunction(all);
                }).toList());

        assertThat(property.cases()).as("cases").hasSize(caseBounds.size());
        for (int k = 0; k < caseBounds.size(); k++) {
            PropertyCase c = property.cases().get(k);
            Box box = c.box();
            for (int i = 0; i < n; i++) {
                BigDecimal lo = caseBounds.get(k)[0][i] != null ? caseBounds.get(k)[0][i] : sharedLower[i];
                BigDecimal hi = caseBounds.get(k)[1][i] != null ? caseBounds.get(k)[1][i] : sharedUpper[i];
                assertThat(box.lower(i)).as("case %d lower bound of X_%d, written %s", k, i, lo).isEqualTo(down(lo));
                assertThat(box.upper(i)).as("case %d upper bound of X_%d, written %s", k, i, hi).isEqualTo(up(hi));
            }
            assertThat(c.inputConstraints()).isEqualTo(Conjunction.TRUE);
            assertThat(c.outputCondition()).as("output condition of case %d", k).isEqualTo(expectedCondition);
        }
    }

    /** The largest double at or below {@code v}, found from the nearest one by stepping. */
    private static double down(BigDecimal v) {
        double d = Double.parseDouble(v.toString());
        while (new BigDecimal(d).compareTo(v) > 0) {
            d = Math.nextDown(d);
        }
        return d;
    }

    /** The smallest double at or above {@code v}. */
    private static double up(BigDecimal v) {
        double d = Double.parseDouble(v.toString());
        while (new BigDecimal(d).compareTo(v) < 0) {
            d = Math.nextUp(d);
        }
        return d;
    }

    @Test
    void acasXuProperty1IsABoxAndOneOutputBound() {
        Property p = VnnlibParser.parse(SharedData.require("acasxu/vnnlib/prop_1.vnnlib"));

        assertThat(p.inputCount()).isEqualTo(5);
        assertThat(p.outputCount()).isEqualTo(5);
        Box box = p.cases().get(0).box();
        // Outward rounding: the double nearest 0.45 lies above 0.45, the one nearest 0.679857769 below it.
        assertThat(box.lower()).containsExactly(0.6, -0.5, -0.5, Math.nextDown(0.45), -0.5);
        assertThat(box.upper()).containsExactly(Math.nextUp(0.679857769), 0.5, 0.5, 0.5, Math.nextUp(-0.45));
        assertThat(p.cases().get(0).outputCondition()).hasToString("3.9911256458616147 <= Y_0");
        double[] mid = box.midpoint();
        assertThat(p.holdsAt(mid, new double[] {4, 0, 0, 0, 0})).isTrue();
        assertThat(p.holdsAt(mid, new double[] {3.99, 9, 9, 9, 9})).isFalse();
    }

    @Test
    void acasXuProperty6IsTwoBoxesWithTheSameFourDisjuncts() {
        Property p = VnnlibParser.parse(SharedData.require("acasxu/vnnlib/prop_6.vnnlib"));

        assertThat(p.cases()).hasSize(2);
        assertThat(p.boxes().get(0).lower(1)).isEqualTo(Math.nextDown(0.11140846));
        assertThat(p.boxes().get(0).upper(1)).isEqualTo(Math.nextUp(0.499999896));
        assertThat(p.boxes().get(1).lower(1)).isEqualTo(Math.nextDown(-0.499999896));
        assertThat(p.boxes().get(1).upper(1)).isEqualTo(Math.nextUp(-0.11140846));
        for (PropertyCase c : p.cases()) {
            assertThat(c.outputCondition()).hasToString("Y_1 <= Y_0 or Y_2 <= Y_0 or Y_3 <= Y_0 or Y_4 <= Y_0");
        }
        assertThat(p.contains(new double[] {0.3, 0, -0.4996, 0, 0})).as("X_1 = 0 lies between the boxes").isFalse();
    }

    @Test
    void cifarSpecHas3072InputsAndARobustnessCondition() {
        Property p = VnnlibParser.parse(SharedData.require(
                "vnncomp2021/oval21/vnnlib/cifar_base_kw-img1598-eps0.0026143790849673205.vnnlib"));

        assertThat(p.inputCount()).isEqualTo(3072);
        assertThat(p.cases()).hasSize(1);
        assertThat(p.boxes().get(0).midpoint()).hasSize(3072);
        assertThat(p.cases().get(0).outputCondition().disjuncts()).hasSize(9);
        assertThat(p.cases().get(0).outputCondition().disjuncts().get(0)).hasToString("Y_5 <= Y_0");
    }

    @Test
    void mnistSpecIsTheNotArgmaxConditionForItsLabel() {
        Property p = VnnlibParser.parse(SharedData.require("vnncomp2021/mnistfc/prop_0_0.03.vnnlib"));

        assertThat(p.inputCount()).isEqualTo(784);
        assertThat(p.boxes().get(0).midpoint()).hasSize(784);
        assertThat(p.cases().get(0).outputCondition()).isEqualTo(OutputCondition.notArgmax(8, 10));
    }

    @Test
    void marabouCifarSpecIsOneConjunctionOfNineComparisons() {
        Property p = VnnlibParser.parse(SharedData.require(
                "vnncomp2021/marabou-cifar10/specs/networkcifar10_large_index1189_eps0.012_target1_orig0.vnnlib"));

        assertThat(p.cases().get(0).outputCondition().disjuncts()).hasSize(1);
        assertThat(p.cases().get(0).outputCondition().disjuncts().get(0).inequalities()).hasSize(9)
                .allMatch(q -> q.toString().endsWith("<= Y_1"));
    }
}
