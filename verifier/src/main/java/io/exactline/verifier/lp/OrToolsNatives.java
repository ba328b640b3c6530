package io.exactline.verifier.lp;

import com.google.ortools.Loader;

/**
 * Loads OR-Tools' native libraries once per JVM. {@link Loader} extracts them from the {@code ortools-linux-x86-64}
 * jar on the class path into a temporary folder, so no {@code java.library.path} is needed.
 */
public final class OrToolsNatives {
    private static volatile boolean loaded;

    private OrToolsNatives() {
    }

    /** Loads the natives unless already loaded; thread-safe. */
    public static void load() {
        if (!loaded) {
            synchronized (OrToolsNatives.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
