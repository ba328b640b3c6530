package io.exactline.junit;

import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.cache.ProofCache;
import io.exactline.verifier.property.Property;

/**
 * JUnit 5 extension for proofs about networks; used through {@link ProofTest} or
 * {@code @ExtendWith(ExactlineExtension.class)}.
 *
 * <ul>
 *   <li>Resolves {@link Network} parameters annotated {@link NetworkFile} and {@link Property} parameters
 *       annotated {@link Vnnlib}; each location is read once per run. A location that cannot be read fails the
 *       test with the loader's message (file, position, what to do).</li>
 *   <li>Opens a proof session when the test method starts: every {@link NetworkAssert#satisfies} and
 *       {@link NetworkAssert#violates} of the test uses the test's engine and shares one deadline, the
 *       {@link ProofTest#timeout()} counted from the start of the test method. A proof still open at the
 *       deadline ends as a timeout, which fails its assertion.</li>
 *   <li>Keeps conclusive answers in a {@link ProofCache}, so an unchanged proof is not run twice.</li>
 *   <li>Publishes one report entry per proof (network, property, engine, verdict, time, cached) after the test,
 *       passed or failed, and prints it as one line to standard output (Maven Surefire does not show report
 *       entries; IDEs do); at the end of the run it prints the totals (proofs by verdict, cache hits, time).</li>
 * </ul>
 *
 * <p>Configuration parameters (JUnit's {@code junit-platform.properties} or system properties):
 * {@value #CACHE} (the cache directory, default {@value #DEFAULT_CACHE}; {@code off} to disable),
 * {@value #TIMEOUT} (ISO-8601 duration such as {@code PT2M}, the limit of tests without {@link ProofTest},
 * default 60 s) and {@value #ENGINE} (the engine of tests without {@link ProofTest}, default {@code auto}).
 */
public final class ExactlineExtension implements ParameterResolver, BeforeTestExecutionCallback,
        AfterTestExecutionCallback {
    /** Configuration parameter: the proof cache directory, or {@code off}. */
    public static final String CACHE = "exactline.proof.cache";
    /** Configuration parameter: the time limit of tests without {@link ProofTest}. */
    public static final String TIMEOUT = "exactline.proof.timeout";
    /** Configuration parameter: the engine of tests without {@link ProofTest}. */
    public static final String ENGINE = "exactline.proof.engine";
    /** The default cache directory, relative to the working directory. */
    public static final String DEFAULT_CACHE = "target/exactline-proof-cache";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ExactlineExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        return p.getType() == Network.class && p.isAnnotationPresent(NetworkFile.class)
                || p.getType() == Property.class && p.isAnnotationPresent(Vnnlib.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        ClassLoader loader = extensionContext.getRequiredTestClass().getClassLoader();
        ExtensionContext.Store store = extensionContext.getRoot().getStore(NAMESPACE);
        try {
            if (p.getType() == Network.class) {
                String location = p.getAnnotation(NetworkFile.class).value();
                return store.getOrComputeIfAbsent("network " + location, k -> Locations.network(location, loader),
                        Network.class);
            }
            String location = p.getAnnotation(Vnnlib.class).value();
            return store.getOrComputeIfAbsent("property " + location, k -> Locations.property(location, loader),
                    Property.class);
        } catch (BadInputException e) {
            throw new ParameterResolutionException("cannot resolve parameter " + p.getName() + " of "
                    + extensionContext.getDisplayName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Optional<ProofTest> proofTest = AnnotationSupport.findAnnotation(context.getElement(), ProofTest.class);
        Duration limit = proofTest.map(t -> Duration.ofNanos(t.unit().toNanos(t.timeout())))
                .orElseGet(() -> configuredTimeout(context));
        if (limit.isZero() || limit.isNegative()) {
            throw new ExtensionConfigurationException(context.getDisplayName() + ": the proof time limit must be"
                    + " positive, got " + limit);
        }
        String engineName = proofTest.map(ProofTest::engine)
                .orElseGet(() -> context.getConfigurationParameter(ENGINE).orElse("auto"));
        Engine engine;
        try {
            engine = Engines.byName(engineName);
        } catch (BadInputException e) {
            throw new ExtensionConfigurationException(context.getDisplayName() + ": " + e.getMessage(), e);
        }
        String directory = context.getConfigurationParameter(CACHE).orElse(DEFAULT_CACHE);
        Optional<ProofCache> cache = directory.equals("off") ? Optional.empty()
                : Optional.of(ProofCache.in(Path.of(directory)));
        ProofSession session = new ProofSession(engine, cache, Deadline.after(limit));
        context.getStore(NAMESPACE).put(ProofSession.class, session);
        session.open();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ProofSession.close();
        ProofSession session = context.getStore(NAMESPACE).remove(ProofSession.class, ProofSession.class);
        if (session != null) {
            ProofStatistics totals = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(ProofStatistics.class);
            for (ProofRecord r : session.records()) {
                context.publishReportEntry(r.reportEntry());
                System.out.println("[exactline] " + context.getDisplayName() + ": " + r.summary());
                totals.add(r);
            }
        }
    }

    private static Duration configuredTimeout(ExtensionContext context) {
        Optional<String> text = context.getConfigurationParameter(TIMEOUT);
        if (text.isEmpty()) {
            return Duration.ofSeconds(ProofSession.DEFAULT_TIMEOUT_SECONDS);
        }
        try {
            return Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException(TIMEOUT + " = '" + text.get() + "' is not an ISO-8601"
                    + " duration; write e.g. PT90S or PT2M", e);
        }
    }
}
