package io.exactline.verifier.certificate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.exactline.core.BadInputException;

/**
 * The text form of a {@link SplitTreeCertificate}, version {@value #VERSION}. UTF-8, one item per line:
 *
 * <pre>
 * exactline-certificate 2
 * network sha256:&lt;hex&gt;        the network's weight digest
 * property sha256:&lt;hex&gt;       the digest of the property's content
 * cases N
 * case 1                         then the split tree of case 1, one node per line in preorder
 * ...
 * end
 * </pre>
 *
 * Nodes: {@code input I V} (cut input {@code X_I} at {@code V}; the part {@code <= V} follows, then the part
 * {@code >= V}), {@code unit K J} (unit {@code J} of ReLU layer {@code K}; the inactive part follows, then the
 * active one), {@code leaf Q:B Q:B ...} (per unsafe conjunction, inequality {@code Q} is at least {@code B}) and
 * {@code void} (the region is empty). A leaf line may be followed by lines {@code slopes D K:J:A K:J:A ...}, in
 * increasing {@code D}: the claim for conjunction {@code D} (from 1) is to be bounded with lower relaxation slope
 * {@code A} for unit {@code J} of ReLU layer {@code K}, and a {@code void} line by a line
 * {@code farkas R:M R:M ...}: Farkas multiplier {@code M} of row {@code R} of the leaf's linear relaxation
 * ({@link LeafProgram}) (both version 2; version 1 files, which have neither, are read too). Numbers are written as
 * Java prints doubles, which reads back to the same double.
 */
public final class CertificateFormat {
    /** The format version this class writes and reads. */
    public static final int VERSION = 2;
    /** The oldest format version this class reads. */
    public static final int OLDEST_VERSION = 1;
    /** The first word of a certificate file. */
    public static final String MAGIC = "exactline-certificate";

    /** Deepest split tree read (deeper trees would overflow the checker's stack). */
    static final int MAX_DEPTH = 4000;

    private CertificateFormat() {
    }

    /** The certificate as text. */
    public static String format(SplitTreeCertificate certificate) {
        StringBuilder s = new StringBuilder();
        s.append(MAGIC).append(' ').append(VERSION).append('\n');
        s.append("network ").append(certificate.networkDigest()).append('\n');
        s.append("property ").append(certificate.propertyDigest()).append('\n');
        s.append("cases ").append(certificate.cases().size()).append('\n');
        for (int k = 0; k < certificate.cases().size(); k++) {
            s.append("case ").append(k + 1).append('\n');
            Deque<ProofNode> todo = new ArrayDeque<>();
            todo.push(certificate.cases().get(k));
            while (!todo.isEmpty()) {
                ProofNode node = todo.pop();
                if (node instanceof ProofNode.InputSplit split) {
                    s.append("input ").append(split.input()).append(' ').append(split.at()).append('\n');
                    todo.push(split.above());
                    todo.push(split.below());
                } else if (node instanceof ProofNode.UnitSplit split) {
                    s.append("unit ").append(split.layer()).append(' ').append(split.unit()).append('\n');
                    todo.push(split.active());
                    todo.push(split.inactive());
                } else if (node instanceof ProofNode.Proven leaf) {
                    s.append("leaf");
                    for (ProofNode.Claim c : leaf.claims()) {
                        s.append(' ').append(c.inequality()).append(':').append(c.lowerBound());
                    }
                    s.append('\n');
                    for (int d = 0; d < leaf.claims().size(); d++) {
                        List<ProofNode.Slope> slopes = leaf.claims().get(d).slopes();
                        if (!slopes.isEmpty()) {
                            s.append("slopes ").append(d + 1);
                            for (ProofNode.Slope slope : slopes) {
                                s.append(' ').append(slope.layer()).append(':').append(slope.unit()).append(':')
                                        .append(slope.alpha());
                            }
                            s.append('\n');
                        }
                    }
                } else {
                    s.append("void\n");
                    List<ProofNode.RowMultiplier> farkas = ((ProofNode.Infeasible) node).farkas();
                    if (!farkas.isEmpty()) {
                        s.append("farkas");
                        for (ProofNode.RowMultiplier m : farkas) {
                            s.append(' ').append(m.row()).append(':').append(m.multiplier());
                        }
                        s.append('\n');
                    }
                }
            }
        }
        return s.append("end\n").toString();
    }

    /**
     * Reads a certificate file.
     *
     * @throws CertificateFormatException if the file is not a certificate of this version, names a node it does not
     *     know, or ends before a split tree is complete (a part of the region would be left uncovered)
     * @throws BadInputException if the file cannot be read
     */
    public static SplitTreeCertificate read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException("cannot read certificate " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a certificate from text; {@code name} names it in messages.
     *
     * @throws CertificateFormatException as {@link #read}
     */
    public static SplitTreeCertificate parse(String name, String text) {
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            lines = reader.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return new Parser(name, lines).certificate();
    }

    /** A recursive-descent reader over the lines, with the current line number. */
    private static final class Parser {
        private final String name;
        private final List<String> lines;
        private int next;
        private int version;

        Parser(String name, List<String> lines) {
            this.name = name;
            this.lines = lines;
        }

        SplitTreeCertificate certificate() {
            String[] magic = words("a first line '" + MAGIC + " " + VERSION + "'");
            if (magic.length != 2 || !magic[0].equals(MAGIC)) {
                throw error("not an exactline certificate: the first line must be '" + MAGIC + " " + VERSION + "'");
            }
            if (!magic[1].equals(Integer.toString(VERSION)) && !magic[1].equals(Integer.toString(OLDEST_VERSION))) {
                throw error("certificate format version " + magic[1] + " is not supported; this checker reads"
                        + " versions " + OLDEST_VERSION + " to " + VERSION);
            }
            version = Integer.parseInt(magic[1]);
            String network = keyed("network");
            String property = keyed("property");
            int cases = integer(keyed("cases"), "case count");
            if (cases < 1) {
                throw error("a certificate needs at least one case, got " + cases);
            }
            List<ProofNode> roots = new ArrayList<>();
            for (int k = 1; k <= cases; k++) {
                int number = integer(keyed("case"), "case number");
                if (number != k) {
                    throw error("expected case " + k + ", found case " + number);
                }
                roots.add(node(k, 0, "the whole case"));
            }
            String[] end = words("'end'");
            if (end.length != 1 || !end[0].equals("end")) {
                throw error("expected 'end' after the split tree of case " + cases + ", found '" + String.join(" ", end)
                        + "'");
            }
            if (next < lines.size()) {
                throw new CertificateFormatException(name, next + 1, "text after 'end'");
            }
            return new SplitTreeCertificate(network, property, roots);
        }

        private ProofNode node(int caseNumber, int depth, String part) {
            if (depth > MAX_DEPTH) {
                throw error("split tree deeper than " + MAX_DEPTH + " levels");
            }
            if (next >= lines.size() || lines.get(next).startsWith("case ") || lines.get(next).equals("end")) {
                throw new CertificateFormatException(name, Math.min(next + 1, lines.size()), "the split tree of case "
                        + caseNumber + " is incomplete: " + part + " is not covered by any node");
            }
            int line = next + 1;
            String[] w = words("a node");
            switch (w[0]) {
                case "input" -> {
                    expect(w, 3);
                    int input = integer(w[1], "input index");
                    double at = number(w[2], "cut value");
                    String where = "X_" + input + " <= " + w[2] + " of the split at line " + line;
                    ProofNode below = node(caseNumber, depth + 1, "the part " + where);
                    ProofNode above = node(caseNumber, depth + 1, "the part " + where.replace("<=", ">="));
                    return new ProofNode.InputSplit(input, at, below, above);
                }
                case "unit" -> {
                    expect(w, 3);
                    int layer = integer(w[1], "layer index");
                    int unit = integer(w[2], "unit index");
                    String where = " part of the split on unit " + unit + " of ReLU layer " + layer + " at line " + line;
                    ProofNode inactive = node(caseNumber, depth + 1, "the inactive" + where);
                    ProofNode active = node(caseNumber, depth + 1, "the active" + where);
                    return new ProofNode.UnitSplit(layer, unit, inactive, active);
                }
                case "leaf" -> {
                    List<ProofNode.Claim> claims = new ArrayList<>();
                    for (int i = 1; i < w.length; i++) {
                        String[] f = fields(w[i], 2, "a claim", "inequality:bound");
                        claims.add(new ProofNode.Claim(integer(f[0], "inequality index"),
                                number(f[1], "claimed bound")));
                    }
                    return new ProofNode.Proven(slopes(claims));
                }
                case "void" -> {
                    expect(w, 1);
                    return new ProofNode.Infeasible(farkas());
                }
                default -> throw error("unknown node '" + w[0] + "'; nodes are input, unit, leaf and void");
            }
        }

        /** The multipliers of the {@code farkas} line that may follow a void leaf (version 2), or none. */
        private List<ProofNode.RowMultiplier> farkas() {
            if (version < 2 || next >= lines.size() || !lines.get(next).strip().startsWith("farkas ")) {
                return List.of();
            }
            String[] w = words("a farkas line");
            List<ProofNode.RowMultiplier> multipliers = new ArrayList<>();
            for (int i = 1; i < w.length; i++) {
                String[] f = fields(w[i], 2, "a Farkas multiplier", "row:multiplier");
                multipliers.add(new ProofNode.RowMultiplier(integer(f[0], "row index"), number(f[1], "multiplier")));
            }
            return multipliers;
        }

        /** The claims with the slopes of the {@code slopes} lines that follow their leaf. */
        private List<ProofNode.Claim> slopes(List<ProofNode.Claim> claims) {
            List<ProofNode.Claim> result = new ArrayList<>(claims);
            int last = 0;
            while (version >= 2 && next < lines.size() && lines.get(next).strip().startsWith("slopes ")) {
                String[] w = words("a slopes line");
                if (w.length < 3) {
                    throw error("'slopes' takes a conjunction number and at least one layer:unit:slope");
                }
                int d = integer(w[1], "conjunction number");
                if (d <= last || d > claims.size()) {
                    throw error("slopes for conjunction " + d + ": expected a number from " + (last + 1) + " to "
                            + claims.size() + " (the leaf's claims, in increasing order)");
                }
                last = d;
                List<ProofNode.Slope> slopes = new ArrayList<>();
                for (int i = 2; i < w.length; i++) {
                    String[] f = fields(w[i], 3, "a slope", "layer:unit:slope");
                    slopes.add(new ProofNode.Slope(integer(f[0], "layer index"), integer(f[1], "unit index"),
                            number(f[2], "slope")));
                }
                ProofNode.Claim claim = result.get(d - 1);
                result.set(d - 1, new ProofNode.Claim(claim.inequality(), claim.lowerBound(), slopes));
            }
            return result;
        }

        /** The {@code count} colon-separated fields of {@code token}, {@code what} of the form {@code form}. */
        private String[] fields(String token, int count, String what, String form) {
            String[] f = token.split(":", -1);
            if (f.length != count) {
                throw error(what + " is '" + form + "', got '" + token + "'");
            }
            return f;
        }

        private String keyed(String key) {
            String[] w = words("'" + key + " ...'");
            if (w.length != 2 || !w[0].equals(key)) {
                throw error("expected '" + key + " ...', found '" + String.join(" ", w) + "'");
            }
            return w[1];
        }

        private String[] words(String expected) {
            if (next >= lines.size()) {
                throw new CertificateFormatException(name, lines.size() + 1, "the file ends where " + expected
                        + " was expected; it is truncated");
            }
            String line = lines.get(next++).strip();
            return line.isEmpty() ? new String[] {""} : line.split("\\s+");
        }

        private void expect(String[] w, int count) {
            if (w.length != count) {
                throw error("'" + w[0] + "' takes " + (count - 1) + " values, found " + (w.length - 1));
            }
        }

        private int integer(String text, String what) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(what + " '" + text + "' is not an integer");
            }
        }

        private double number(String text, String what) {
            try {
                double v = Double.parseDouble(text);
                if (!Double.isFinite(v)) {
                    throw error(what + " '" + text + "' is not a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(what + " '" + text + "' is not a number");
            }
        }

        private CertificateFormatException error(String problem) {
            return new CertificateFormatException(name, next, problem);
        }
    }
}
