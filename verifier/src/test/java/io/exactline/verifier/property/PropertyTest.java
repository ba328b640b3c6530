package io.exactline.verifier.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.network.Network;

class PropertyTest {

    /** Two boxes on the line; left: unsafe if Y_0 >= 1, right: unsafe if Y_0 <= Y_1 or Y_1 <= -2. */
    private static Property twoCases() {
        PropertyCase left = new PropertyCase(new Box(new double[] {-2}, new double[] {-1}),
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 1)));
        PropertyCase right = new PropertyCase(new Box(new double[] {1}, new double[] {2}),
                OutputCondition.anyOf(Conjunction.of(LinearInequality.lessOrEqual(Variable.output(0), Variable.output(1))),
                        Conjunction.of(LinearInequality.atMost(Variable.output(1), -2))));
        return new Property("two cases", 1, 2, List.of(left, right));
    }

    @Test
    void holdsWhenTheInputIsInSomeCaseWhoseConditionHolds() {
        Property p = twoCases();

        assertThat(p.holdsAt(new double[] {-1.5}, new double[] {1, 0})).isTrue();
        assertThat(p.holdsAt(new double[] {-1.5}, new double[] {0.5, 9})).as("left box, Y_0 < 1").isFalse();
        assertThat(p.holdsAt(new double[] {1.5}, new double[] {1, 0})).as("right box, neither disjunct").isFalse();
        assertThat(p.holdsAt(new double[] {1.5}, new double[] {5, -3})).isTrue();
        assertThat(p.holdsAt(new double[] {0}, new double[] {5, -3})).as("between the boxes").isFalse();
    }

    @Test
    void matchNamesCaseAndDisjunct() {
        PropertyMatch m = twoCases().match(new double[] {2}, new double[] {5, -3}).orElseThrow();

        assertThat(m.caseIndex()).isEqualTo(1);
        assertThat(m.disjunctIndex()).isEqualTo(1);
        assertThat(m.description()).isEqualTo("case 2 of 2, disjunct 2 of 2: Y_1 <= -2 holds: Y_1 = -3.0,"
                + " left - right = -1.0");
    }

    @Test
    void describeAtSaysWhyNoCaseHolds() {
        String why = twoCases().describeAt(new double[] {1.5}, new double[] {1, 0});

        assertThat(why).isEqualTo("""
                case 1 of 2: X_0 = 1.5 is outside [-2.0, -1.0]
                case 2 of 2, disjunct 1 of 2: Y_0 <= Y_1 fails: Y_0 = 1.0, Y_1 = 0.0, left - right = 1.0
                case 2 of 2, disjunct 2 of 2: Y_1 <= -2 fails: Y_1 = 0.0, left - right = 2.0""");
    }

    @Test
    void toleranceRelaxesBoxesAndInequalities() {
        Property p = twoCases();

        assertThat(p.holdsAt(new double[] {-1 + 1e-9}, new double[] {1 - 1e-9, 0})).isFalse();
        assertThat(p.holdsAt(new double[] {-1 + 1e-9}, new double[] {1 - 1e-9, 0}, 1e-8)).isTrue();
    }

    @Test
    void inputConstraintsCutTheBox() {
        Variable x0 = Variable.input(0);
        Variable x1 = Variable.input(1);
        Conjunction sumAtMostOne = Conjunction.of(new LinearInequality(List.of(new Term(1, x0), new Term(1, x1)), -1));
        Property p = new Property("triangle", 2, 1, List.of(new PropertyCase(
                new Box(new double[] {0, 0}, new double[] {1, 1}), sumAtMostOne,
                OutputCondition.of(LinearInequality.atMost(Variable.output(0), 0)))));

        assertThat(p.contains(new double[] {0.5, 0.5})).isTrue();
        assertThat(p.contains(new double[] {0.75, 0.5})).isFalse();
        assertThat(p.describeAt(new double[] {0.75, 0.5}, new double[] {0}))
                .startsWith("unsafe set: input constraint X_0 + X_1 <= 1 fails");
    }

    @Test
    void checksSizesOfPointsAndNetworks() {
        Property p = twoCases();
        Network threeInputs = new Network(List.of(new Dense(new double[][] {{1, 1, 1}, {0, 0, 0}}, new double[2])),
                "net3");

        assertThatThrownBy(() -> p.holdsAt(new double[] {1, 2}, new double[] {0, 0}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("input has 2 values but property two cases"
                        + " has 1 inputs");
        assertThatThrownBy(() -> p.requireCompatible(threeInputs)).isInstanceOf(BadInputException.class)
                .hasMessage("property two cases is over 1 inputs and 2 outputs but network net3 has 3 inputs"
                        + " (shape [3]) and 2 outputs (shape [2])");
        assertThatThrownBy(() -> new Property("bad", 2, 2, twoCases().cases()))
                .hasMessageContaining("case 0 has a box of 1 inputs but the property has 2");
    }

    @Test
    void notArgmaxListsEveryOtherOutput() {
        OutputCondition c = OutputCondition.notArgmax(1, 3);

        assertThat(c).hasToString("Y_1 <= Y_0 or Y_1 <= Y_2");
        assertThat(c.holdsAt(new double[0], new double[] {0, 1, 0.5})).isFalse();
        assertThat(c.holdsAt(new double[0], new double[] {0, 1, 1})).as("a tie counts").isTrue();
    }

    @Test
    void boundingBoxCoversAllCases() {
        assertThat(twoCases().boundingBox()).isEqualTo(new Box(new double[] {-2}, new double[] {2}));
    }

    @Test
    void aTightenedConditionNeedsItsMarginAtEveryInequality() {
        // Y_0 >= 1 and X_0 <= 0.5, tightened by 0.25: Y_0 >= 1.25 and X_0 <= 0.25.
        OutputCondition condition = OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 1),
                LinearInequality.atMost(Variable.input(0), 0.5));
        OutputCondition tight = condition.tightened(0.25);

        assertThat(condition.holdsAt(new double[] {0.5}, new double[] {1})).isTrue();
        assertThat(tight.holdsAt(new double[] {0.5}, new double[] {1})).isFalse();
        assertThat(tight.holdsAt(new double[] {0.25}, new double[] {1.25})).isTrue();
        assertThat(tight.holdsAt(new double[] {0.25}, new double[] {1.2})).isFalse();
        assertThatThrownBy(() -> condition.tightened(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
