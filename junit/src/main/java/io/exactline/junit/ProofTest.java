package io.exactline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test whose proofs run under {@link ExactlineExtension}: a JUnit 5 {@link Test} tagged {@code proof}, whose
 * {@link NetworkFile} and {@link Vnnlib} parameters are resolved, whose proofs
 * ({@link NetworkAssert#satisfies}, {@link NetworkAssert#violates}) share one time limit counted from the start of
 * the test method, and whose proof statistics are published as report entries.
 *
 * <pre>
 * &#64;ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
 * void collisionAvoidance(&#64;NetworkFile("acasxu:1_1") Network net, &#64;Vnnlib("acasxu:prop_1") Property p) {
 *     assertThat(net).satisfies(p);
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@Tag("proof")
@ExtendWith(ExactlineExtension.class)
public @interface ProofTest {

    /** The time all proofs of the test may take together, in {@link #unit()}s; positive. */
    long timeout() default 60;

    /** The unit of {@link #timeout()}. */
    TimeUnit unit() default TimeUnit.SECONDS;

    /** The verification engine by name (see {@code io.exactline.verifier.Engines}); {@code auto} by default. */
    String engine() default "auto";
}
