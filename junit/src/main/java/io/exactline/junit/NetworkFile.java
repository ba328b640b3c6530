package io.exactline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code io.exactline.core.network.Network} test parameter that {@link ExactlineExtension} loads from
 * {@link #value()}, one of
 * <ul>
 *   <li>{@code acasxu:x_y}: the bundled ACAS Xu network N_{x,y} (normalised inputs to normalised scores);</li>
 *   <li>{@code classpath:path/net.onnx} or {@code classpath:path/net.nnet}: a resource of the test's class
 *       loader;</li>
 *   <li>a file path ({@code .onnx} or {@code .nnet}), relative to the working directory (the module's directory
 *       under Maven).</li>
 * </ul>
 * Each location is loaded once per test run and shared (networks are immutable).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface NetworkFile {

    /** Where the network is. */
    String value();
}
