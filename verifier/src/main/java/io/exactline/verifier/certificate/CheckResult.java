package io.exactline.verifier.certificate;

/** The outcome of {@link CertificateChecker#check}: the certificate proves the property unsat, or why not. */
public sealed interface CheckResult {

    /**
     * Every leaf checked and the split trees cover every case.
     *
     * @param leaves leaves checked, void ones included
     * @param voidLeaves leaves whose region was shown empty
     * @param splits split nodes
     */
    record Valid(long leaves, long voidLeaves, long splits) implements CheckResult {
        @Override
        public String toString() {
            return "valid: " + leaves + " leaves (" + voidLeaves + " void), " + splits + " splits";
        }
    }

    /**
     * The certificate does not prove the property.
     *
     * @param reason the first problem found: a digest mismatch, a malformed split, or the first failing leaf with its
     *     path, box, and claimed and recomputed bounds
     */
    record Invalid(String reason) implements CheckResult {
        @Override
        public String toString() {
            return "invalid: " + reason;
        }
    }
}
