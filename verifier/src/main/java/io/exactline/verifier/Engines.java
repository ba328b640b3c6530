package io.exactline.verifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.exactline.core.BadInputException;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.falsify.GradientFalsifier;
import io.exactline.verifier.falsify.SamplingFalsifier;

/**
 * The engines selectable by name (on the command line and in reports): {@code auto} (falsify, then branch and
 * bound), {@code bab} (branch and bound alone), {@code pgd} (gradient falsification), {@code sampling} (random
 * falsification).
 */
public final class Engines {
    private static final Map<String, Supplier<Engine>> ENGINES = new LinkedHashMap<>();

    static {
        ENGINES.put(AutoEngine.NAME, AutoEngine::new);
        ENGINES.put(BabEngine.NAME, BabEngine::new);
        ENGINES.put(GradientFalsifier.NAME, GradientFalsifier::standard);
        ENGINES.put(SamplingFalsifier.NAME, () -> new SamplingFalsifier(10_000, 1L));
    }

    private Engines() {
    }

    /** The names of all engines, the default ({@code auto}) first. */
    public static List<String> names() {
        return List.copyOf(ENGINES.keySet());
    }

    /**
     * A new engine of the given name.
     *
     * @throws BadInputException if no engine has that name
     */
    public static Engine byName(String name) {
        Supplier<Engine> engine = ENGINES.get(name);
        if (engine == null) {
            throw new BadInputException("unknown engine '" + name + "'; choose one of " + String.join(", ", names()));
        }
        return engine.get();
    }
}
