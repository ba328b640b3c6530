package io.exactline.verifier.verdict;

import java.time.Duration;

/** The deadline passed before the engine decided the property; {@code budget} is the time it was given. */
public record Timeout(Duration budget, Provenance provenance) implements Verdict {
    public Timeout {
        if (budget == null || provenance == null) {
            throw new IllegalArgumentException("a timeout verdict needs the budget and its provenance");
        }
    }

    @Override
    public String status() {
        return "timeout";
    }
}
