package io.exactline.verifier.vnnlib;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;

/** Malformed properties: each error names the file, the exact line and column, and the problem. */
class VnnlibErrorTest {
    private static final String HEADER = "(declare-const X_0 Real)\n(declare-const Y_0 Real)\n";

    private static AbstractThrowableAssert<?, ? extends Throwable> parsing(String text, int line, int column) {
        return assertThatThrownBy(() -> VnnlibParser.parse(text, "bad.vnnlib"))
                .isInstanceOf(VnnlibFormatException.class)
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("bad.vnnlib:" + line + ":" + column + ": ")
                .matches(e -> ((VnnlibFormatException) e).line() == line && ((VnnlibFormatException) e).column() == column,
                        "line and column accessors");
    }

    @Test
    void unclosedAssertAtEndOfFile() {
        parsing(HEADER + "(assert (<= X_0 1)\n", 3, 1)
                .hasMessageContaining("this command is not closed: the file ends before the ')' of the (assert at line 3,"
                        + " column 1 (unbalanced parentheses)");
    }

    @Test
    void unclosedFormulaAtEndOfFile() {
        parsing(HEADER + "(assert (>= X_0 0))\n(assert (or (<= Y_0 1)\n", 4, 1)
                .hasMessageContaining("the file ends inside the (or at line 4, column 9");
    }

    @Test
    void missingCloseBeforeTheNextCommand() {
        parsing(HEADER + "(assert (<= X_0 1)\n(assert (>= X_0 0))\n", 4, 1)
                .hasMessageContaining("expected ')' to close the (assert at line 3, column 1, found '('");
    }

    @Test
    void extraClosingParenthesis() {
        parsing(HEADER + "(assert (<= X_0 1)))\n", 3, 20)
                .hasMessageContaining("unexpected ')': no '(' is open here (unbalanced parentheses)");
    }

    @Test
    void unknownVariable() {
        parsing(HEADER + "(assert (<= Z_0 1))", 3, 13).hasMessageContaining("unknown variable 'Z_0'");
    }

    @Test
    void undeclaredIndex() {
        parsing(HEADER + "(assert (>= X_0 0))\n  (assert (<= X_5 1))", 4, 15)
                .hasMessageContaining("X_5 is not declared; declare it with (declare-const X_5 Real)");
    }

    @Test
    void nonLinearProduct() {
        parsing(HEADER + "(assert (<= (* X_0 2 X_0) 1))", 3, 22)
                .hasMessageContaining("the product is not linear");
    }

    @Test
    void nanAndInfinityLiterals() {
        parsing(HEADER + "(assert (<= X_0 NaN))", 3, 17).hasMessageContaining("'NaN' is not a finite number");
        parsing(HEADER + "(assert (<= X_0 -inf))", 3, 17).hasMessageContaining("'-inf' is not a finite number");
    }

    @Test
    void numberOutsideTheDoubleRange() {
        parsing(HEADER + "(assert (>= X_0 0))\n(assert (<= X_0 1e400))", 4, 9)
                .hasMessageContaining("the upper bound of this comparison is outside the range of double-precision"
                        + " numbers");
    }

    @Test
    void malformedNumber() {
        parsing(HEADER + "(assert (<= X_0 1.2.3))", 3, 17).hasMessageContaining("malformed number '1.2.3'");
        parsing(HEADER + "(assert (<= X_0 2e))", 3, 17).hasMessageContaining("malformed number '2e'");
    }

    @Test
    void emptyFile() {
        parsing("", 1, 1).hasMessageContaining("empty property file");
        parsing("; only a comment\n\n", 3, 1).hasMessageContaining("empty property file");
    }

    @Test
    void unsupportedOperatorsAndCommands() {
        parsing(HEADER + "(assert (not (<= X_0 1)))", 3, 10)
                .hasMessageContaining("unsupported operator 'not' in a formula (supported: and, or, <=, >=, <, >, =)");
        parsing(HEADER + "(assert (<= (/ X_0 2) 1))", 3, 14)
                .hasMessageContaining("unsupported operator '/' in a term");
        parsing(HEADER + "(check-sat)", 3, 2).hasMessageContaining("unsupported command 'check-sat'");
        parsing(HEADER + "(assert X_0)", 3, 9).hasMessageContaining("expected a formula such as (<= X_0 1.0), found 'X_0'");
    }

    @Test
    void declarationProblems() {
        parsing(HEADER + "(declare-const X_0 Real)", 3, 16).hasMessageContaining("X_0 is already declared at line 1,"
                + " column 16");
        parsing("(declare-const X_0 Int)", 1, 20).hasMessageContaining("declared with sort 'Int'");
        parsing("(declare-const input Real)", 1, 16).hasMessageContaining("unsupported variable name 'input'");
        parsing("(declare-const X_0 Real)\n(declare-const X_2 Real)\n(declare-const Y_0 Real)", 2, 16)
                .hasMessageContaining("X_2 is declared but X_1 is not");
        parsing("(declare-const X_0 Real)\n(assert (<= 0 X_0 1))", 2, 22)
                .hasMessageContaining("no output variables are declared");
    }

    @Test
    void inputWithoutBoundPointsAtItsDeclaration() {
        parsing("(declare-const Y_0 Real)\n(declare-const X_0 Real)\n(assert (<= X_0 1))", 2, 16)
                .hasMessageContaining("X_0 has no lower bound; every input needs a lower and an upper bound");
    }

    @Test
    void contradictoryBoundsPointAtTheLaterOne() {
        parsing(HEADER + "(assert (>= X_0 1))\n(assert (<= X_0 0))\n(assert (<= Y_0 0))", 4, 9)
                .hasMessageContaining("X_0 >= 1.0 (line 3, column 9) and X_0 <= 0.0 (line 4, column 9) leave no value")
                .hasMessageContaining("trivially unsat");
    }

    @Test
    void falseAssertionIsReported() {
        parsing(HEADER + "(assert (<= 0 X_0 1))\n(assert (<= 2 1))", 4, 1)
                .hasMessageContaining("contradicts the ones before it");
    }

    @Test
    void exponentialDistributionIsRefused() {
        StringBuilder text = new StringBuilder("(declare-const X_0 Real)\n(declare-const Y_0 Real)\n"
                + "(declare-const Y_1 Real)\n(assert (<= 0 X_0 1))\n");
        for (int k = 0; k < 17; k++) {
            text.append("(assert (or (<= Y_0 ").append(k).append(") (<= Y_1 ").append(k).append(")))\n");
        }
        // 2^16 conjunctions are fine, the 17th disjunction (line 21) would make 131072.
        parsing(text.toString(), 21, 1).hasMessageContaining("more than 100000 conjunctions");
    }
}
