package io.exactline.verifier;

/**
 * The service interface through which engines are installed: {@link java.util.ServiceLoader} finds every
 * implementation named in a {@code META-INF/services/io.exactline.verifier.EngineProvider} file on the class path,
 * and {@link Engines} offers its engine by {@link #name()}. The built-in engines are registered the same way.
 *
 * <p>A plug-in engine cannot weaken exactline's soundness promise: {@link Engines#byName} hands out a plug-in's
 * engine wrapped so that its {@code sat} counterexample is re-evaluated on the network (a claim that does not hold
 * becomes {@code unknown}) and its {@code unsat} is marked
 * {@link io.exactline.verifier.verdict.Assurance#UNCHECKED} unless it carries a certificate that the
 * {@link io.exactline.verifier.verdict.CertificateChecker} accepts.
 *
 * <p>An implementation needs a public no-argument constructor.
 */
public interface EngineProvider {

    /** The engine's name, as chosen with {@code --engine NAME}: lower case letters, digits and dashes. */
    String name();

    /** What the engine's answers are worth, as its author states it (listed by {@code exactline engines}). */
    Guarantee guarantee();

    /** A new engine named {@link #name()}. */
    Engine create();
}
