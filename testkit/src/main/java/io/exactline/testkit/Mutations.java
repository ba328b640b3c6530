package io.exactline.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates real input files into the malformed inputs a parser must refuse cleanly: bit flips, interesting bytes,
 * truncation, deleted and duplicated chunks, swapped lines, numbers replaced by huge, negative, non-finite or
 * malformed ones, deep nesting, and protobuf-style varints claiming huge sizes. Deterministic for a given
 * {@link Random}; each mutant says how it was made, so a failure can be reproduced and read.
 */
public final class Mutations {
    /** Replacements for a number in a text file: sizes, signs, non-finite values, malformed and extreme decimals. */
    private static final List<String> NUMBERS = List.of("NaN", "nan", "Infinity", "-Infinity", "inf", "-inf",
            "1e309", "-1e309", "1e-400", "1e999999999", "1e-999999999", "0", "-0", "-1", "-2147483648", "2147483647",
            "2147483648", "1000000000", "99999999999999999999", "0x10", "1.5.2", "1e", "+", "-", ".", "", "\u0663",
            "1_000", "4.9e-324", "1.7976931348623157e308", "00000000000000000000001");

    private static final byte[] INTERESTING_BYTES = {0, (byte) 0xff, 0x7f, (byte) 0x80, '-', ',', '\n', '(', ')', ';',
        ' ', '.', 'e', '9'};

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

    private Mutations() {
    }

    /** A mutated input and how it was made from its seed. */
    public record Mutant(String description, byte[] bytes) {
        public Mutant {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return description + " (" + bytes.length + " bytes)";
        }
    }

    /** One to three random mutations of {@code seed}, chained. */
    public static Mutant mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        StringBuilder description = new StringBuilder();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            Mutant step = once(bytes, random);
            bytes = step.bytes;
            description.append(r == 0 ? "" : ", then ").append(step.description);
        }
        return new Mutant(description.toString(), bytes);
    }

    private static Mutant once(byte[] b, Random random) {
        int n = b.length;
        if (n == 0) {
            return new Mutant("insert '0'", new byte[] {'0'});
        }
        switch (random.nextInt(10)) {
            case 0 -> {
                byte[] out = b.clone();
                int at = random.nextInt(n);
                int bit = random.nextInt(8);
                out[at] ^= (byte) (1 << bit);
                return new Mutant("flip bit " + bit + " of byte " + at, out);
            }
            case 1 -> {
                byte[] out = b.clone();
                int at = random.nextInt(n);
                byte value = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                out[at] = value;
                return new Mutant("set byte " + at + " to 0x" + Integer.toHexString(value & 0xff), out);
            }
            case 2 -> {
                int length = random.nextInt(n);
                return new Mutant("truncate to " + length + " bytes", Arrays.copyOf(b, length));
            }
            case 3 -> {
                int from = random.nextInt(n);
                int to = Math.min(n, from + 1 + random.nextInt(Math.max(1, n / 8)));
                return new Mutant("delete bytes " + from + ".." + to, concat(slice(b, 0, from), slice(b, to, n)));
            }
            case 4 -> {
                int from = random.nextInt(n);
                int to = Math.min(n, from + 1 + random.nextInt(Math.max(1, Math.min(n / 8, 4096))));
                int at = random.nextInt(n + 1);
                return new Mutant("copy bytes " + from + ".." + to + " to " + at,
                        concat(slice(b, 0, at), slice(b, from, to), slice(b, at, n)));
            }
            case 5 -> {
                return swapLines(b, random);
            }
            case 6, 7 -> {
                return replaceNumber(b, random);
            }
            case 8 -> {
                int depth = (int) Math.pow(10, 1 + 4 * random.nextDouble());
                int at = random.nextInt(n + 1);
                byte[] open = "(and ".repeat(depth).getBytes(StandardCharsets.ISO_8859_1);
                byte[] close = ")".repeat(random.nextBoolean() ? depth : 0).getBytes(StandardCharsets.ISO_8859_1);
                return new Mutant("nest " + depth + " levels at " + at + (close.length == 0 ? " unclosed" : ""),
                        concat(slice(b, 0, at), open, close, slice(b, at, n)));
            }
            default -> {
                int at = random.nextInt(n);
                long value = random.nextBoolean() ? (1L << (31 + random.nextInt(32))) - 1 : 1L << 31;
                return new Mutant("varint " + value + " at byte " + at,
                        concat(slice(b, 0, at), varint(value), slice(b, Math.min(n, at + 1), n)));
            }
        }
    }

    private static Mutant replaceNumber(byte[] b, Random random) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find() && spans.size() < 100_000) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return new Mutant("no number to replace", b);
        }
        // Early numbers (headers, sizes, declarations) matter most: pick among the first ones half of the time.
        int index = random.nextBoolean() ? random.nextInt(Math.min(spans.size(), 16)) : random.nextInt(spans.size());
        int[] span = spans.get(index);
        String replacement = NUMBERS.get(random.nextInt(NUMBERS.size()));
        String mutated = text.substring(0, span[0]) + replacement + text.substring(span[1]);
        return new Mutant("replace number '" + text.substring(span[0], span[1]) + "' at byte " + span[0] + " by '"
                + replacement + "'", mutated.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Mutant swapLines(byte[] b, Random random) {
        String[] lines = new String(b, StandardCharsets.ISO_8859_1).split("\n", -1);
        if (lines.length < 2) {
            return new Mutant("no lines to swap", b);
        }
        int i = random.nextInt(lines.length);
        int j = random.nextInt(lines.length);
        String t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
        return new Mutant("swap lines " + (i + 1) + " and " + (j + 1),
                String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] varint(long value) {
        byte[] out = new byte[10];
        int k = 0;
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out[k++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out[k++] = (byte) v;
        return Arrays.copyOf(out, k);
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
