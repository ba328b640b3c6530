package io.exactline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code io.exactline.verifier.property.Property} test parameter that {@link ExactlineExtension} reads
 * from the VNN-LIB file at {@link #value()}, one of
 * <ul>
 *   <li>{@code acasxu:prop_N}: the bundled ACAS Xu property N (1 to 10);</li>
 *   <li>{@code classpath:path/spec.vnnlib}: a resource of the test's class loader;</li>
 *   <li>a file path, relative to the working directory.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Vnnlib {

    /** Where the property is. */
    String value();
}
