package io.exactline.verifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.verifier.TestNetworks;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;

class VnncompResultTest {
    private static final Provenance PROVENANCE = Provenance.of("test", Map.of(), Duration.ZERO, Map.of(),
            "sha256:00", "p");

    private static Sat sat(double x0, double x1) {
        Property p = Property.of("p", new Box(new double[] {-1, -1}, new double[] {1, 1}), 2,
                OutputCondition.of(LinearInequality.atMost(Variable.output(0), 100)));
        return new Sat(Counterexample.confirm(TestNetworks.sumAndDifference(), p, new double[] {x0, x1}).orElseThrow(),
                PROVENANCE);
    }

    @Test
    void satListsInputsThenOutputsOnePerLine() {
        assertThat(VnncompResult.format(sat(0.5, -0.25))).isEqualTo("""
                sat
                ((X_0 0.5)
                 (X_1 -0.25)
                 (Y_0 0.25)
                 (Y_1 0.75))
                """);
    }

    @Test
    void otherVerdictsAreOneWord() {
        assertThat(VnncompResult.format(Unsat.uncertified(PROVENANCE))).isEqualTo("unsat\n");
        assertThat(VnncompResult.format(new Unknown("gave up", PROVENANCE))).isEqualTo("unknown\n");
        assertThat(VnncompResult.format(new Timeout(Duration.ofSeconds(1), PROVENANCE))).isEqualTo("timeout\n");
    }

    @Test
    void valuesReadBackAsTheSameDoubles() {
        Sat sat = sat(0.1 + 0.2, -Double.MIN_VALUE);
        Matcher m = Pattern.compile("\\((X|Y)_(\\d+) ([^\\s)]+)\\)").matcher(VnncompResult.format(sat));
        List<Double> read = new ArrayList<>();
        while (m.find()) {
            read.add(Double.parseDouble(m.group(3)));
        }

        assertThat(read).containsExactly(sat.counterexample().input()[0], sat.counterexample().input()[1],
                sat.counterexample().output()[0], sat.counterexample().output()[1]);
        for (double v : new double[] {2e23, 1e-320, -0.0, Double.MAX_VALUE, 0.30000000000000004, 5e-324}) {
            assertThat(Double.parseDouble(VnncompResult.number(v))).as("round trip of %s", v).isEqualTo(v);
        }
    }

    @Test
    void writesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.txt");
        VnncompResult.write(new Unknown("gave up", PROVENANCE), file);

        assertThat(Files.readString(file)).isEqualTo("unknown\n");
    }
}
