package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.BadInputException;

class MiningTargetTest {
    @TempDir
    Path temp;

    private Path write(String text) throws IOException {
        Path file = temp.resolve("p.vnnlib");
        Files.writeString(file, "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(declare-const Y_0 Real)\n"
                + "(declare-const Y_1 Real)\n(declare-const Y_2 Real)\n(assert (>= X_0 -1))\n(assert (<= X_0 1))\n"
                + "(assert (>= X_1 0))\n(assert (<= X_1 0.5))\n" + text);
        return file;
    }

    @Test
    void eachSingleInequalityDisjunctBecomesTheNegatedAtomAndTheBoxTheDomain() throws IOException {
        // Unsafe: Y_2 <= Y_0 or Y_2 <= Y_1 (output 2 is not the strict maximum) -> P: Y_2 >= Y_0 and Y_2 >= Y_1.
        MiningTarget t = MiningTarget.fromVnnlib(write("(assert (or (and (<= Y_2 Y_0)) (and (<= Y_2 Y_1))))\n"), 2, 3);

        assertThat(t.domain().lower()).containsExactly(-1, 0);
        assertThat(t.domain().upper()).containsExactly(1, 0.5);
        assertThat(t.property().atoms()).hasSize(2);
        assertThat(t.property().holdsAt(new double[] {0, 1, 2})).isTrue();
        assertThat(t.property().holdsAt(new double[] {0, 3, 2})).isFalse();
        assertThat(t.property().holdsAt(new double[] {3, 0, 2})).isFalse();
    }

    @Test
    void aBoundOnOneOutputBecomesTheOppositeBound() throws IOException {
        MiningTarget t = MiningTarget.fromVnnlib(write("(assert (>= Y_0 3.5))\n"), 2, 3);

        assertThat(t.property().holdsAt(new double[] {3.4, 0, 0})).isTrue();
        assertThat(t.property().holdsAt(new double[] {3.6, 0, 0})).isFalse();
    }

    @Test
    void aConjunctionOfUnsafeInequalitiesIsRefusedNamingTheDisjunct() throws IOException {
        Path file = write("(assert (<= Y_0 Y_1))\n(assert (<= Y_0 Y_2))\n");

        assertThatThrownBy(() -> MiningTarget.fromVnnlib(file, 2, 3)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("disjunct 1").hasMessageContaining("2 inequalities");
    }

    @Test
    void aFileForAnotherNetworkSizeIsRefused() throws IOException {
        Path file = write("(assert (>= Y_0 3.5))\n");

        assertThatThrownBy(() -> MiningTarget.fromVnnlib(file, 5, 3)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("2 inputs");
    }
}
