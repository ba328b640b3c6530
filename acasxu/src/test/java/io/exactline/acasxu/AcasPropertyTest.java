package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;

class AcasPropertyTest {
    /** The VNN-LIB files write bounds with 9 decimals, so they are off by up to 5e-10 from the exact values. */
    private static final double VNNLIB_ROUNDING = 1e-9;

    @ParameterizedTest(name = "phi{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void typedPropertyHasTheBundledVnnlibBoxesAndOutputConstraints(int k) {
        AcasProperty typed = AcasProperty.phi(k);
        Property ours = typed.toProperty();
        Property vnnlib = typed.bundledVnnlib();

        assertThat(ours.cases()).as("%s cases", typed.name()).hasSameSizeAs(vnnlib.cases());
        for (int c = 0; c < ours.cases().size(); c++) {
            PropertyCase mine = ours.cases().get(c);
            PropertyCase theirs = vnnlib.cases().get(c);
            for (int i = 0; i < 5; i++) {
                assertThat(Math.abs(mine.box().lower(i) - theirs.box().lower(i)))
                        .as("%s case %s lower X_%s: typed %s, VNN-LIB %s", typed.name(), c, i, mine.box().lower(i),
                                theirs.box().lower(i))
                        .isLessThanOrEqualTo(VNNLIB_ROUNDING);
                assertThat(Math.abs(mine.box().upper(i) - theirs.box().upper(i)))
                        .as("%s case %s upper X_%s: typed %s, VNN-LIB %s", typed.name(), c, i, mine.box().upper(i),
                                theirs.box().upper(i))
                        .isLessThanOrEqualTo(VNNLIB_ROUNDING);
            }
            assertThat(theirs.inputConstraints().inequalities()).isEmpty();
            assertThat(disjuncts(mine)).as("%s output condition: typed %s, VNN-LIB %s", typed.name(),
                    mine.outputCondition(), theirs.outputCondition()).isEqualTo(disjuncts(theirs));
        }
    }

    @Test
    void scoreThresholdOfPhi1IsTheVnnlibOneRoundedDown() {
        AdvisoryRequirement.ScoreBelow below = (AdvisoryRequirement.ScoreBelow) AcasProperty.phi(1).requirement();

        assertThat(below.threshold()).isLessThanOrEqualTo(3.991125645861615)
                .isGreaterThan(3.991125645861615 - 1e-14);
    }

    @Test
    void theTypedNetworksAreTheInstanceListsPairsLessThePapersExceptions() throws IOException {
        Set<String> instances = new HashSet<>();
        try (InputStream in = AcasProperty.class.getResourceAsStream("/io/exactline/acasxu/instances.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] fields = line.split(",");
                    instances.add(NetworkId.parse(fields[0]) + " " + fields[1].replace(".vnnlib", ""));
                }
            }
        }
        Set<String> vnncomp = new HashSet<>();
        Set<String> typed = new HashSet<>();
        for (AcasProperty p : AcasProperty.all()) {
            p.vnncomp2021Networks().forEach(id -> vnncomp.add(id + " " + p.key()));
            p.networks().forEach(id -> typed.add(id + " " + p.key()));
        }
        Set<String> exceptions = new HashSet<>(vnncomp);
        exceptions.removeAll(typed);

        assertThat(vnncomp).isEqualTo(instances).hasSize(186);
        assertThat(vnncomp).containsAll(typed);
        List<String> expected = new ArrayList<>();
        for (int y = 1; y <= 9; y++) {
            expected.add("1_" + y + " prop_2");
        }
        for (int y = 7; y <= 9; y++) {
            expected.add("1_" + y + " prop_3");
            expected.add("1_" + y + " prop_4");
        }
        assertThat(exceptions).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(typed).hasSize(171);
    }

    @ParameterizedTest(name = "phi{0}")
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 9, 10})
    void requirementHoldsExactlyWhereItsViolationDoesNot(int k) {
        AdvisoryRequirement requirement = AcasProperty.phi(k).requirement();
        Random random = new Random(k);
        double[] x = new double[5];
        for (int n = 0; n < 20_000; n++) {
            double[] y = new double[5];
            for (int j = 0; j < 5; j++) {
                // few distinct values, so that ties are frequent; phi1's threshold is among them
                y[j] = random.nextInt(4) == 0 ? 3.991125645861615 : random.nextInt(5) - 2;
            }
            boolean violated = requirement.violation().holdsAt(x, y);
            assertThat(requirement.holds(y)).as("%s at scores %s", requirement.description(), Arrays.toString(y))
                    .isEqualTo(!violated);
        }
    }

    @Test
    void advisoryRequirementsAreWordedInAdvisoryTerms() {
        assertThat(AcasProperty.phi(1).requirement().description()).isEqualTo("the COC score stays below 1500");
        assertThat(AcasProperty.phi(2).requirement().description()).isEqualTo("the COC score is not the maximal score");
        assertThat(AcasProperty.phi(3).requirement().description()).isEqualTo("the advisory is not COC");
        assertThat(AcasProperty.phi(5).requirement().description()).isEqualTo("the advisory is SR");
        assertThat(AcasProperty.phi(7).requirement().description()).isEqualTo("the advisory is neither SL nor SR");
        assertThat(AcasProperty.phi(8).requirement().description()).isEqualTo("the advisory is COC or WL");
    }

    @Test
    void physicalPointsOfTheRegionNormaliseIntoTheVerifiersRegion() {
        Random random = new Random(11);
        for (AcasProperty p : AcasProperty.all()) {
            Property property = p.toProperty();
            for (EncounterBox box : p.region()) {
                for (int n = 0; n < 200; n++) {
                    double[] v = new double[5];
                    for (int i = 0; i < 5; i++) {
                        double lo = box.physical().lower(i);
                        double hi = box.physical().upper(i);
                        v[i] = n == 0 ? lo : n == 1 ? hi : lo + (hi - lo) * random.nextDouble();
                    }
                    EncounterState state = EncounterState.of(v);
                    assertThat(box.contains(state)).isTrue();
                    assertThat(property.contains(state.normalized())).as("%s at %s", p.name(), state).isTrue();
                }
            }
        }
    }

    @Test
    void propertyListsParseNumbersRangesAndAll() {
        assertThat(AcasProperty.parseList("1,2,5-7").stream().map(AcasProperty::number)).containsExactly(1, 2, 5, 6, 7);
        assertThat(AcasProperty.parseList("all")).hasSize(10);
        assertThat(AcasProperty.parseList("prop_3")).containsExactly(AcasProperty.phi(3));
        assertThatThrownBy(() -> AcasProperty.parseList("0-3")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("within 1..10");
        assertThatThrownBy(() -> AcasProperty.parseList("x")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'x' is not a number");
    }

    /** The disjuncts as sets of inequalities, constants rounded to 12 digits so that one ulp does not matter. */
    private static Set<Set<String>> disjuncts(PropertyCase c) {
        Set<Set<String>> result = new HashSet<>();
        for (Conjunction d : c.outputCondition().disjuncts()) {
            Set<String> inequalities = new HashSet<>();
            for (LinearInequality q : d.inequalities()) {
                inequalities.add(q.terms() + " + " + String.format(Locale.ROOT, "%.12f", q.constant()));
            }
            result.add(inequalities);
        }
        return result;
    }
}
