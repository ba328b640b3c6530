package io.exactline.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.exactline.core.BadInputException;

/**
 * The .vnnlib files a {@code <property>} entry names: a file, a folder (every {@code .vnnlib} file in it and its
 * sub-folders), or a glob relative to the project folder such as {@code props/prop_*.vnnlib} or
 * {@code props/**.vnnlib} (syntax of {@link java.nio.file.FileSystem#getPathMatcher}).
 */
final class PropertyFiles {
    private PropertyFiles() {
    }

    /**
     * The files {@code spec} names, relative to {@code basedir} unless absolute, in path order.
     *
     * @param where the configuration element, for messages
     * @throws BadInputException if {@code spec} names no file
     */
    static List<Path> resolve(Path basedir, String spec, String where) {
        String trimmed = spec.trim();
        if (trimmed.isEmpty()) {
            throw new BadInputException(where + ": an empty <property>; give a .vnnlib file, a folder or a glob");
        }
        int glob = firstGlobCharacter(trimmed);
        List<Path> files;
        if (glob < 0) {
            Path path = basedir.resolve(trimmed).normalize();
            if (Files.isRegularFile(path)) {
                return List.of(path);
            }
            if (!Files.isDirectory(path)) {
                throw new BadInputException(where + ": property file " + path + " does not exist");
            }
            files = walk(path, p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vnnlib"));
        } else {
            int slash = trimmed.lastIndexOf('/', glob);
            Path root = basedir.resolve(slash < 0 ? "." : trimmed.substring(0, slash + 1)).normalize();
            String pattern = root.toString().replace("\\", "\\\\") + "/" + trimmed.substring(slash + 1);
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            files = Files.isDirectory(root) ? walk(root, matcher) : List.of();
        }
        if (files.isEmpty()) {
            throw new BadInputException(where + ": no .vnnlib file matches '" + trimmed + "' under " + basedir);
        }
        return files;
    }

    private static int firstGlobCharacter(String spec) {
        for (int i = 0; i < spec.length(); i++) {
            if ("*?[{".indexOf(spec.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> walk(Path root, PathMatcher matcher) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(Path::normalize).filter(matcher::matches).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
