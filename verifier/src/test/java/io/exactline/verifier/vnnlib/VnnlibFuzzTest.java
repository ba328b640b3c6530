package io.exactline.verifier.vnnlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.testkit.Fuzzer;
import io.exactline.testkit.Fuzzer.Campaign;
import io.exactline.testkit.Fuzzer.Summary;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.property.Property;

/**
 * Bounded fuzzing of the VNN-LIB parser with mutants of real properties (see
 * {@link io.exactline.testkit.Mutations}): every input parses into a property whose box holds its own midpoint
 * test, or is refused with a {@link VnnlibFormatException} naming file, line and column; nothing else is thrown
 * (no stack overflow on deep nesting), nothing hangs, and no parse allocates more than a fixed multiple of the
 * input's size (no exact arithmetic on numbers with a billion digits).
 */
class VnnlibFuzzTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(40);

    /** A property with everything the grammar has: comments, chains, arithmetic, nested or/and, strictness. */
    static final String RICH = """
            ; a hand-written property
            (declare-const X_0 Real)
            (declare-const X_1 Real)
            (declare-const Y_0 Real)
            (declare-const Y_1 Real)
            (assert (<= -1 X_0 1.5e0))
            (assert (and (>= X_1 -0.5) (<= X_1 (+ 0.25 0.25))))
            (assert (or (and (< Y_0 Y_1) (<= (* 2 Y_0) (- Y_1 0.125)))
                        (and (>= (+ Y_0 (* -3 Y_1)) 1e-3) (= X_0 X_0))))
            """;

    @Test
    void mutantsOfAHandWrittenPropertyParseOrAreRefusedNamingFileLineAndColumn() {
        Summary summary = fuzz(List.of(RICH.getBytes(StandardCharsets.UTF_8)), 3000, 31L);

        assertThat(summary.accepted()).as("mutants that still parse").isPositive();
        assertThat(summary.refused()).as("mutants refused").isPositive();
    }

    @Test
    void mutantsOfTheAcasXuPropertiesParseOrAreRefusedNamingFileLineAndColumn() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (int p = 1; p <= 10; p++) {
            seeds.add(Files.readAllBytes(SharedData.require("acasxu/vnnlib/prop_" + p + ".vnnlib")));
        }

        Summary summary = fuzz(seeds, 100, 32L);

        assertThat(summary.refused()).isPositive();
    }

    @Test
    void deepNestingIsRefusedWithAPositionInsteadOfOverflowingTheStack() {
        String deep = "(declare-const X_0 Real)\n(declare-const Y_0 Real)\n(assert " + "(and ".repeat(200_000)
                + "(<= X_0 1)" + ")".repeat(200_001) + "\n";

        assertThatThrownBy(() -> VnnlibParser.parse(deep, "deep.vnnlib"))
                .isInstanceOf(VnnlibFormatException.class)
                .hasMessageStartingWith("deep.vnnlib:3:")
                .hasMessageContaining("nested more than " + VnnlibParser.MAX_DEPTH + " levels");
    }

    @Test
    void deeplyNestedTermsAreRefusedToo() {
        String deep = "(declare-const X_0 Real)\n(declare-const Y_0 Real)\n(assert (<= X_0 " + "(+ 1 ".repeat(100_000)
                + "1" + ")".repeat(100_000) + "))\n";

        assertThatThrownBy(() -> VnnlibParser.parse(deep, "deep.vnnlib"))
                .isInstanceOf(VnnlibFormatException.class)
                .hasMessageContaining("nested more than");
    }

    @Test
    void anExponentOfABillionIsRefusedBeforeExactArithmeticExpandsIt() {
        // 1 + 1e-999999999 exactly has a billion digits.
        String text = "(declare-const X_0 Real)\n(declare-const Y_0 Real)\n(assert (<= X_0 (+ 1 1e-999999999)))\n";

        assertThatThrownBy(() -> VnnlibParser.parse(text, "exp.vnnlib"))
                .isInstanceOf(VnnlibFormatException.class)
                .hasMessageStartingWith("exp.vnnlib:3:22: ")
                .hasMessageContaining("exponent");
    }

    @Test
    void productsThatGrowPastTheDigitLimitAreRefused() {
        String text = "(declare-const X_0 Real)\n(declare-const Y_0 Real)\n(assert (<= X_0 (* "
                + "1.000000001e-900 ".repeat(20) + ")))\n";

        assertThatThrownBy(() -> VnnlibParser.parse(text, "product.vnnlib"))
                .isInstanceOf(VnnlibFormatException.class)
                .hasMessageStartingWith("product.vnnlib:3:17: ")
                .hasMessageContaining("more than " + VnnlibParser.MAX_DIGITS + " decimal digits");
    }

    @Test
    void zeroWithAHugeExponentIsJustZero() {
        String text = "(declare-const X_0 Real)\n(declare-const Y_0 Real)\n(assert (<= 0e-999999999 X_0 1))\n"
                + "(assert (>= Y_0 (+ 1 0e999999999)))\n";

        Property property = VnnlibParser.parse(text, "zero.vnnlib");

        assertThat(property.boundingBox().lower()).containsExactly(0.0);
    }

    private static Summary fuzz(List<byte[]> seeds, int mutants, long seed) {
        return Fuzzer.run(new Campaign("vnnlib", mutants, seed, HANG_GUARD, VnnlibFuzzTest::allocationBudget), seeds,
                input -> {
                    Property property = VnnlibParser.parse(new String(input, StandardCharsets.UTF_8), "fuzz.vnnlib");
                    property.contains(property.boundingBox().lower());
                },
                t -> t instanceof BadInputException && t.getMessage() != null
                        && t.getMessage().matches("(?s)fuzz\\.vnnlib:[0-9]+:[0-9]+: .*"));
    }

    /** A parse may allocate 512 bytes per input byte and 64 MiB besides. */
    private static long allocationBudget(long inputBytes) {
        return 512 * inputBytes + (64L << 20);
    }
}
