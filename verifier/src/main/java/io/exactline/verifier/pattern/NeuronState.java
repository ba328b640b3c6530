package io.exactline.verifier.pattern;

/**
 * What a {@link DecisionPattern} says about one ReLU neuron with pre-activation {@code z}: {@link #ON} means
 * {@code z >= 0}, {@link #OFF} means {@code z <= 0} (closed pieces, so {@code z = 0} satisfies both), {@link #FREE}
 * means no constraint.
 */
public enum NeuronState {
    ON('1'), OFF('0'), FREE('*');

    private final char symbol;

    NeuronState(char symbol) {
        this.symbol = symbol;
    }

    /** The one-character form used by {@link DecisionPattern#encode()}. */
    public char symbol() {
        return symbol;
    }

    /** The state of a symbol written by {@link #symbol()}; empty for any other character. */
    static java.util.Optional<NeuronState> ofSymbol(char c) {
        for (NeuronState s : values()) {
            if (s.symbol == c) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
