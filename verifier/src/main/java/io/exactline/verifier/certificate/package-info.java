/**
 * Certificates of unsat answers and their independent checker.
 *
 * <p>A {@link io.exactline.verifier.certificate.SplitTreeCertificate} holds, per property case, a split tree over
 * input cuts and ReLU unit splits whose leaves each say why no unsafe input lies in their region: per unsafe
 * conjunction an inequality with a positive lower bound (optionally with lower relaxation slopes to bound it with),
 * or "void" (optionally with Farkas multipliers of the leaf's linear relaxation, {@code LeafProgram}). {@link
 * io.exactline.verifier.certificate.CertificateBuilder} makes one from the closed leaves of branch and bound;
 * {@link io.exactline.verifier.certificate.CertificateFormat} writes and reads its text form;
 * {@link io.exactline.verifier.certificate.CertificateChecker} checks it with its own DeepPoly bounds in directed
 * rounding ({@code LeafBounds}), sharing no bound code with the engines.
 */
package io.exactline.verifier.certificate;
