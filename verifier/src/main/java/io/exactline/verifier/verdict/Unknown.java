package io.exactline.verifier.verdict;

/** The engine could not decide the property; {@code reason} says why (in words a user can act on). */
public record Unknown(String reason, Provenance provenance) implements Verdict {
    public Unknown {
        if (reason == null || reason.isBlank() || provenance == null) {
            throw new IllegalArgumentException("an unknown verdict needs a reason and its provenance");
        }
    }

    @Override
    public String status() {
        return "unknown";
    }
}
