package io.exactline.verifier.vnnlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

class VnnlibParserTest {
    private static final String TWO_BY_TWO = """
            (declare-const X_0 Real)
            (declare-const X_1 Real)
            (declare-const Y_0 Real)
            (declare-const Y_1 Real)
            """;

    private static Property parse(String text) {
        return VnnlibParser.parse(text, "test.vnnlib");
    }

    @Test
    void readsBoundsIntoTheBoxAndTheRestIntoTheOutputCondition() {
        Property p = parse(TWO_BY_TWO + """
                ; a comment (with parentheses) that the lexer skips
                (assert (>= X_0 -1))  (assert (<= X_0 1))
                (assert (<= X_1 0.5)) (assert (>= X_1 0.5))
                (assert (<= Y_1 Y_0))
                """);

        assertThat(p.source()).isEqualTo("test.vnnlib");
        assertThat(p.inputCount()).isEqualTo(2);
        assertThat(p.outputCount()).isEqualTo(2);
        assertThat(p.cases()).hasSize(1);
        PropertyCase c = p.cases().get(0);
        assertThat(c.box()).isEqualTo(new Box(new double[] {-1, 0.5}, new double[] {1, 0.5}));
        assertThat(c.inputConstraints()).isEqualTo(Conjunction.TRUE);
        assertThat(c.outputCondition().disjuncts()).containsExactly(
                Conjunction.of(LinearInequality.lessOrEqual(Variable.output(1), Variable.output(0))));
    }

    @Test
    void roundsBoundsOutwardFromTheWrittenDecimal() {
        Property p = parse("(declare-const X_0 Real)(declare-const Y_0 Real)"
                + "(assert (>= X_0 0.1)) (assert (<= X_0 0.7)) (assert (>= Y_0 0))");
        Box box = p.cases().get(0).box();
        BigDecimal lower = new BigDecimal("0.1");
        BigDecimal upper = new BigDecimal("0.7");

        assertThat(new BigDecimal(box.lower(0))).isLessThanOrEqualTo(lower);
        assertThat(new BigDecimal(Math.nextUp(box.lower(0)))).isGreaterThan(lower);
        assertThat(new BigDecimal(box.upper(0))).isGreaterThanOrEqualTo(upper);
        assertThat(new BigDecimal(Math.nextDown(box.upper(0)))).isLessThan(upper);
    }

    @Test
    void computesWithExactDecimals() {
        // 0.1 + 0.2 is 0.3 exactly; in doubles it would be 0.30000000000000004 and cut off the double 0.3.
        Property p = parse("(declare-const X_0 Real)(declare-const Y_0 Real)"
                + "(assert (>= X_0 (+ 0.1 0.2))) (assert (<= (* 3 X_0) 1)) (assert (>= Y_0 0))");
        Box box = p.cases().get(0).box();

        assertThat(box.lower(0)).isEqualTo(0.3);
        BigDecimal three = BigDecimal.valueOf(3);
        assertThat(new BigDecimal(box.upper(0)).multiply(three)).as("upper >= 1/3").isGreaterThanOrEqualTo(BigDecimal.ONE);
        assertThat(new BigDecimal(Math.nextDown(box.upper(0))).multiply(three)).isLessThan(BigDecimal.ONE);
    }

    @Test
    void readsLinearTermsScientificNotationAndNegativeNumbers() {
        Property p = parse(TWO_BY_TWO + """
                (assert (<= -1.5e-3 X_0 2.5E+1))
                (assert (>= X_1 (- 2)))
                (assert (<= X_1 +4.))
                (assert (<= (+ X_0 (* 2 X_1) (- 0.5)) 1))
                (assert (>= (- Y_0 (* 0.5 Y_1 2) Y_1) .25))
                """);
        PropertyCase c = p.cases().get(0);

        assertThat(c.box()).isEqualTo(new Box(new double[] {-1.5e-3, -2}, new double[] {25, 4}));
        assertThat(c.inputConstraints().inequalities()).containsExactly(new LinearInequality(
                List.of(new Term(1, Variable.input(0)), new Term(2, Variable.input(1))), -1.5));
        assertThat(c.outputCondition().disjuncts().get(0).inequalities()).containsExactly(new LinearInequality(
                List.of(new Term(-1, Variable.output(0)), new Term(2, Variable.output(1))), 0.25));
    }

    @Test
    void strictComparisonsMeanTheirClosure() {
        Property p = parse("(declare-const X_0 Real)(declare-const Y_0 Real)"
                + "(assert (> X_0 0)) (assert (< X_0 1)) (assert (< Y_0 2))");

        assertThat(p.cases().get(0).box()).isEqualTo(new Box(new double[] {0}, new double[] {1}));
        assertThat(p.holdsAt(new double[] {0}, new double[] {2})).as("boundary of both").isTrue();
    }

    @Test
    void equalityFixesAValueAndChainsCompareNeighbours() {
        Property p = parse(TWO_BY_TWO + "(assert (= X_0 0.25)) (assert (<= -1 X_1 1)) (assert (>= Y_0 Y_1 0))");

        assertThat(p.cases().get(0).box()).isEqualTo(new Box(new double[] {0.25, -1}, new double[] {0.25, 1}));
        assertThat(p.cases().get(0).outputCondition().disjuncts().get(0)).hasToString("Y_1 <= Y_0 and 0 <= Y_1");
    }

    @Test
    void inputDisjunctionGivesOneCasePerBoxSharingTheOutputCondition() {
        Property p = parse(TWO_BY_TWO + """
                (assert (or
                    (and (>= X_0 -1) (<= X_0 -0.5) (>= X_1 0) (<= X_1 1))
                    (and (>= X_0 0.5) (<= X_0 1) (>= X_1 0) (<= X_1 1))))
                (assert (or (and (<= Y_1 Y_0)) (and (<= Y_1 -3))))
                """);

        assertThat(p.boxes()).containsExactly(new Box(new double[] {-1, 0}, new double[] {-0.5, 1}),
                new Box(new double[] {0.5, 0}, new double[] {1, 1}));
        assertThat(p.cases().get(0).outputCondition()).isEqualTo(p.cases().get(1).outputCondition());
        assertThat(p.cases().get(0).outputCondition()).hasToString("Y_1 <= Y_0 or Y_1 <= -3");
    }

    @Test
    void perBoxOutputConditionsStaySeparateAndEqualBoxesMerge() {
        Property p = parse(TWO_BY_TWO + """
                (assert (<= X_1 1)) (assert (>= X_1 0))
                (assert (or
                    (and (>= X_0 0) (<= X_0 1) (>= Y_0 5))
                    (and (>= X_0 2) (<= X_0 3) (>= Y_1 6))
                    (and (>= X_0 0) (<= X_0 1) (>= Y_1 7))))
                """);

        assertThat(p.cases()).hasSize(2);
        assertThat(p.cases().get(0).box()).isEqualTo(new Box(new double[] {0, 0}, new double[] {1, 1}));
        assertThat(p.cases().get(0).outputCondition()).hasToString("5 <= Y_0 or 7 <= Y_1");
        assertThat(p.cases().get(1).box()).isEqualTo(new Box(new double[] {2, 0}, new double[] {3, 1}));
        assertThat(p.cases().get(1).outputCondition()).hasToString("6 <= Y_1");
        assertThat(p.holdsAt(new double[] {2.5, 0}, new double[] {9, 0})).as("Y_0 >= 5 is not unsafe in box 2")
                .isFalse();
    }

    @Test
    void boxAndOutputsInsideOneDisjunctionAsInTheVnncompTestSpecs() {
        Property p = parse("""
                (declare-const X_0 Real)
                (declare-const Y_0 Real)
                (assert (or
                    (and (>= X_0 -1) (<= X_0 1) (>= Y_0 100))
                ))""");

        assertThat(p.cases()).hasSize(1);
        assertThat(p.cases().get(0).box()).isEqualTo(new Box(new double[] {-1}, new double[] {1}));
        assertThat(p.cases().get(0).outputCondition()).hasToString("100 <= Y_0");
    }

    @Test
    void aDisjunctWithContradictoryBoundsIsDroppedWhenOthersRemain() {
        Property p = parse("(declare-const X_0 Real)(declare-const Y_0 Real)"
                + "(assert (or (and (>= X_0 1) (<= X_0 0)) (and (>= X_0 0) (<= X_0 1)))) (assert (<= Y_0 0))");

        assertThat(p.boxes()).containsExactly(new Box(new double[] {0}, new double[] {1}));
    }

    @Test
    void constantComparisonsAreDecidedWhileParsing() {
        Property p = parse("(declare-const X_0 Real)(declare-const Y_0 Real)(assert (<= 0 X_0 1)) (assert (<= 1 2))"
                + "(assert (or (<= 2 1) (<= Y_0 0) (< (+ 0.1 0.2) 0.3)))");

        assertThat(p.cases().get(0).outputCondition()).hasToString("Y_0 <= 0");
    }

    @Test
    void mixedAtomsOverInputsAndOutputsBelongToTheOutputCondition() {
        Property p = parse("(declare-const X_0 Real)(declare-const Y_0 Real)(assert (<= 0 X_0 1))"
                + "(assert (<= Y_0 X_0))");

        assertThat(p.cases().get(0).outputCondition()).hasToString("Y_0 <= X_0");
        assertThat(p.holdsAt(new double[] {0.5}, new double[] {0.5})).isTrue();
        assertThat(p.holdsAt(new double[] {0.5}, new double[] {0.6})).isFalse();
    }

    @Test
    void acceptsWindowsLineEndingsAndVariablesInAnyDeclarationOrder() {
        Property p = parse("(declare-const Y_0 Real)\r\n(declare-const X_1 Real)\r\n(declare-const X_0 Real)\r\n"
                + "(assert (<= 0 X_0 1))\r\n(assert (<= 0 X_1 1))\r\n(assert (<= Y_0 0))\r\n");

        assertThat(p.inputCount()).isEqualTo(2);
        assertThat(p.outputCount()).isEqualTo(1);
    }
}
