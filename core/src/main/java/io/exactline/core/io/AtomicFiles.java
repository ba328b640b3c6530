package io.exactline.core.io;

import java.awt.image.RenderedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

/**
 * Writes output files so that a reader, or a run that is killed half-way, sees either the old file (or none) or
 * the whole new content, never a truncated one.
 *
 * <p>The content goes into a hidden temporary file in the target's own folder ({@code .NAME.RANDOM.tmp}, created
 * with the default permissions), is forced to disk, and is then renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}, which within one folder is a single rename. When writing fails the
 * temporary file is deleted and the target is left as it was; only a process killed between creating and renaming
 * the temporary file leaves it behind, beside an intact target.
 */
public final class AtomicFiles {

    /** Content written to a stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} by what {@code content} writes.
     *
     * @throws IOException if the folder is missing or not writable, or writing or renaming fails; the message
     *         reads {@code "cannot write FILE: REASON"} and {@code file} is unchanged
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path name = target.getFileName();
        if (folder == null || name == null) {
            throw new IOException("cannot write " + file + ": it names no file");
        }
        Path temp = folder.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (NoSuchFileException e) {
            throw new IOException("cannot write " + file + ": the folder " + folder + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + file + ": permission denied in the folder " + folder, e);
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + file + ": " + (e.getReason() == null ? e.getClass().getSimpleName()
                    : e.getReason()), e);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Replaces {@code file} by {@code text} in UTF-8.
     *
     * @throws IOException as {@link #write(Path, Content)}
     */
    public static void writeString(Path file, CharSequence text) throws IOException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    /**
     * Replaces {@code file} by {@code image} encoded as PNG.
     *
     * @throws IOException as {@link #write(Path, Content)}, or if this Java runtime has no PNG writer
     */
    public static void writePng(Path file, RenderedImage image) throws IOException {
        write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime to write " + file);
            }
        });
    }
}
