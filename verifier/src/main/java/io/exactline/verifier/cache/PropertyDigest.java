package io.exactline.verifier.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Term;

/**
 * The SHA-256 digest of a {@link Property}'s content, {@code "sha256:<hex>"}.
 *
 * <p>The digest is taken over a canonical text of the property: its input and output counts and, case by case,
 * every box bound, every input constraint and every disjunct of the output condition, each number written as
 * {@link Double#toHexString} (exact, one spelling per double). Inequalities are already in a canonical term
 * order (see {@link LinearInequality}). The property's {@linkplain Property#source() source} is left out, so the
 * same property read from two files has one digest, and any change of a bound or coefficient changes it.
 */
public final class PropertyDigest {
    private PropertyDigest() {
    }

    /** {@code "sha256:<hex>"} of {@link #canonicalText(Property)}. */
    public static String of(Property property) {
        return sha256(canonicalText(property));
    }

    /** The canonical text the digest is taken over; one line per case part. */
    public static String canonicalText(Property property) {
        StringBuilder s = new StringBuilder("exactline property v1\n")
                .append("inputs ").append(property.inputCount())
                .append(" outputs ").append(property.outputCount()).append('\n');
        for (PropertyCase c : property.cases()) {
            s.append("case\nbox");
            Box box = c.box();
            for (int i = 0; i < box.dimension(); i++) {
                s.append(' ').append(Double.toHexString(box.lower(i)))
                        .append(' ').append(Double.toHexString(box.upper(i)));
            }
            s.append("\ninput");
            conjunction(s, c.inputConstraints());
            s.append('\n');
            for (Conjunction disjunct : c.outputCondition().disjuncts()) {
                s.append("or");
                conjunction(s, disjunct);
                s.append('\n');
            }
        }
        return s.toString();
    }

    private static void conjunction(StringBuilder s, Conjunction conjunction) {
        for (LinearInequality q : conjunction.inequalities()) {
            s.append(" [");
            for (Term t : q.terms()) {
                s.append(Double.toHexString(t.coefficient())).append('*').append(t.variable()).append(' ');
            }
            s.append(Double.toHexString(q.constant())).append(" <= 0]");
        }
    }

    /** {@code "sha256:<hex>"} of the UTF-8 bytes of {@code text}. */
    static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
