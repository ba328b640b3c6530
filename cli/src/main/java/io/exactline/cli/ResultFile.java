package io.exactline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.exactline.core.BadInputException;

/** Writes a text file atomically: into a temporary file beside it, then renamed over it. */
final class ResultFile {
    private ResultFile() {
    }

    /**
     * Replaces {@code file} by {@code text} (UTF-8) so that readers see either the old or the whole new content.
     *
     * @throws BadInputException if the file cannot be written (missing folder, no permission)
     */
    static void writeAtomically(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file stays behind; the write itself has failed and is reported below
                }
            }
            throw new BadInputException("cannot write " + file + ": " + e.getMessage()
                    + "; check that its folder exists and is writable", e);
        }
    }
}
