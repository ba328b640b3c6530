package io.exactline.verifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import io.exactline.core.BadInputException;
import io.exactline.verifier.certificate.SplitTreeChecker;
import io.exactline.verifier.verdict.CertificateChecker;

/**
 * The installed engines, selectable by name (on the command line and in reports): every {@link EngineProvider}
 * that {@link ServiceLoader} finds. The built-in ones ({@link BuiltInEngines}) come first, {@code auto} (falsify,
 * then branch and bound) the default; then plug-ins in name order. A plug-in whose name a built-in engine already
 * has is left out.
 *
 * <p>A plug-in's engine is handed out wrapped (see {@link EngineProvider}): its sat answers are re-checked on the
 * network and its unsat answers are marked unchecked unless a {@link CertificateChecker} accepts their certificate.
 */
public final class Engines {
    private Engines() {
    }

    /** Every installed provider: the built-in ones in registration order, then plug-ins by name. */
    public static List<EngineProvider> providers() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<EngineProvider> builtIn = new ArrayList<>();
        List<EngineProvider> plugins = new ArrayList<>();
        for (ClassLoader loader : loaders()) {
            for (EngineProvider p : ServiceLoader.load(EngineProvider.class, loader)) {
                if (seen.add(p.getClass())) {
                    (isBuiltIn(p) ? builtIn : plugins).add(p);
                }
            }
        }
        plugins.sort(Comparator.comparing(EngineProvider::name));
        Map<String, EngineProvider> byName = new LinkedHashMap<>();
        builtIn.forEach(p -> byName.putIfAbsent(p.name(), p));
        plugins.forEach(p -> byName.putIfAbsent(p.name(), p));
        return List.copyOf(byName.values());
    }

    /** Whether {@code provider} is one of exactline's own engines, whose unsat needs no certificate. */
    public static boolean isBuiltIn(EngineProvider provider) {
        return provider instanceof BuiltInEngines.Provider;
    }

    /** The names of all engines, the default ({@code auto}) first. */
    public static List<String> names() {
        return providers().stream().map(EngineProvider::name).toList();
    }

    /**
     * A new engine of the given name; a plug-in's unsat counts as checked only when it carries a split-tree
     * certificate that the independent {@link SplitTreeChecker} accepts, and as unchecked otherwise.
     *
     * @throws BadInputException if no engine has that name
     */
    public static Engine byName(String name) {
        return byName(name, new SplitTreeChecker());
    }

    /**
     * A new engine of the given name; a plug-in's unsat counts as checked only when {@code checker} accepts its
     * certificate.
     *
     * @throws BadInputException if no engine has that name
     */
    public static Engine byName(String name, CertificateChecker checker) {
        List<EngineProvider> providers = providers();
        for (EngineProvider p : providers) {
            if (p.name().equals(name)) {
                return isBuiltIn(p) ? p.create() : new PluginEngine(p, checker);
            }
        }
        throw new BadInputException("unknown engine '" + name + "'; choose one of "
                + String.join(", ", providers.stream().map(EngineProvider::name).toList())
                + " (exactline engines lists them with their guarantees)");
    }

    /** This class's loader, and the thread's context loader when it differs (a plug-in may live only there). */
    private static List<ClassLoader> loaders() {
        ClassLoader own = Engines.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context == null || context == own ? List.of(own) : List.of(own, context);
    }
}
