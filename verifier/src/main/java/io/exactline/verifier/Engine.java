package io.exactline.verifier;

import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;

/**
 * A method that decides whether some input of a property's region drives the network into the property's unsafe
 * set.
 *
 * <p>Contract of {@link #verify}:
 * <ul>
 *   <li>{@code Sat} only with a {@link io.exactline.verifier.verdict.Counterexample} (which is checked by
 *       construction);</li>
 *   <li>{@code Unsat} only when the unsafe set is empty, within the engine's {@link #guarantee()} (an engine that
 *       is not {@link Guarantee#soundInFloatingPoint()} may be fooled by rounding);</li>
 *   <li>{@code Timeout} once {@code deadline} has passed: the engine calls {@link Deadline#check()} regularly and
 *       returns within a short time after the deadline, leaving no thread behind;</li>
 *   <li>{@code Unknown} otherwise, with a reason;</li>
 *   <li>it throws {@link io.exactline.core.BadInputException} when the network and property do not fit
 *       together (see {@link Property#requireCompatible}) or the network has layers the engine cannot handle.</li>
 * </ul>
 * Engines are stateless between calls and may be used from several threads.
 */
public interface Engine {

    /** A short stable name, e.g. {@code "sampling"}, used in provenance and on the command line. */
    String name();

    /** What this engine's answers are worth. */
    Guarantee guarantee();

    /** Decides {@code property} for {@code network} before {@code deadline}, as far as the engine can. */
    Verdict verify(Network network, Property property, Deadline deadline);
}
