package io.exactline.verifier.vnnlib;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.vnnlib.CaseBuilder.Assertion;
import io.exactline.verifier.vnnlib.Formula.Atom;

/**
 * Reads the VNN-LIB subset that VNN-COMP properties use into a {@link Property}.
 *
 * <h2>Accepted language</h2>
 * <pre>
 * file     ::= command*                       ; comments run from ';' to the end of the line
 * command  ::= (declare-const NAME Real) | (assert formula)
 * formula  ::= (and formula+) | (or formula+) | (op term term+)     op: &lt;= &gt;= &lt; &gt; =
 * term     ::= NUMBER | NAME | (+ term+) | (- term+) | (* term+)   at most one factor of * has variables
 * NAME     ::= X_i | Y_j                      ; inputs and outputs, numbered from 0 without gaps
 * NUMBER   ::= decimal with optional sign, fraction and exponent, e.g. 1, -0.5, 5.81e-05
 * </pre>
 * A comparison with more than two terms is a chain: {@code (<= a b c)} means {@code a <= b and b <= c}. The
 * asserts together are a conjunction describing the <em>unsafe</em> set.
 *
 * <h2>Meaning of the numbers</h2>
 * Numbers and arithmetic are exact decimals until the end, so {@code (+ 0.1 0.2)} is 0.3. Then:
 * <ul>
 *   <li><b>strict comparisons</b> {@code <} and {@code >} over variables are read as {@code <=} and {@code >=}:
 *       the unsafe set becomes its closure. An unsat verdict for the closure implies unsat for the strict set; a
 *       counterexample may lie on the boundary that the strict inequality excludes (VNN-COMP tools and its
 *       checker do the same). Comparisons without variables are decided exactly, strictness included;</li>
 *   <li><b>input bounds</b> (atoms over one input) are rounded outward to doubles: a lower bound to the largest
 *       double at or below the written decimal, an upper bound to the smallest double at or above it. The box
 *       contains every point the file allows, so unsat over the box is unsat for the file;</li>
 *   <li><b>other inequalities</b> {@code sum c v + d <= 0} get coefficients rounded to nearest and {@code d}
 *       rounded down, which enlarges their set whenever the coefficients are exact doubles (in VNN-COMP they are
 *       integers).</li>
 * </ul>
 * See {@link CaseBuilder} for how disjunctions become cases.
 *
 * <p>Every problem is reported as a {@link VnnlibFormatException} naming the file, line and column.
 */
public final class VnnlibParser {
    /** The deepest nesting of formulas and terms accepted; VNN-COMP properties nest fewer than ten levels. */
    static final int MAX_DEPTH = 1000;
    /** The most decimal digits (precision, or magnitude of the exponent) an exact constant may need. */
    static final int MAX_DIGITS = 10_000;

    private static final Set<String> COMMAND_WORDS = Set.of("assert", "declare-const");
    private static final Set<String> NOT_FINITE = Set.of("nan", "inf", "infinity", "+inf", "-inf", "+infinity",
            "-infinity", "+nan", "-nan");

    private final String source;
    private final Lexer lexer;
    private final Map<Integer, Position> inputs = new HashMap<>();
    private final Map<Integer, Position> outputs = new HashMap<>();
    private final List<Assertion> assertions = new ArrayList<>();
    private Position command;
    private int depth;

    private VnnlibParser(String text, String source) {
        this.source = source;
        this.lexer = new Lexer(text);
    }

    /**
     * Reads a VNN-LIB file (UTF-8).
     *
     * @throws VnnlibFormatException if the file is not a property this parser accepts
     * @throws BadInputException if the file cannot be read
     */
    public static Property parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read property file " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads VNN-LIB text.
     *
     * @param text the property
     * @param source the file name (or description) used as {@link Property#source()} and in messages
     * @throws VnnlibFormatException if the text is not a property this parser accepts
     */
    public static Property parse(String text, String source) {
        return new VnnlibParser(text, source).property();
    }

    private Property property() {
        while (lexer.kind() != Lexer.Kind.END) {
            command();
        }
        Position end = lexer.position();
        if (inputs.isEmpty() && outputs.isEmpty() && assertions.isEmpty()) {
            throw error(end, "empty property file: a VNN-LIB property declares its inputs and outputs with"
                    + " (declare-const X_0 Real) ... (declare-const Y_0 Real) ... and constrains them with (assert ...)");
        }
        List<Position> inputDeclarations = numbered(inputs, Variable.Kind.INPUT, end);
        List<Position> outputDeclarations = numbered(outputs, Variable.Kind.OUTPUT, end);
        var cases = new CaseBuilder(source, inputDeclarations).build(assertions, end);
        return new Property(source, inputDeclarations.size(), outputDeclarations.size(), cases);
    }

    /** The declaration positions of {@code X_0 .. X_{n-1}} (or Y), checking that none is missing. */
    private List<Position> numbered(Map<Integer, Position> declared, Variable.Kind kind, Position end) {
        String what = kind == Variable.Kind.INPUT ? "input" : "output";
        if (declared.isEmpty()) {
            throw error(end, "no " + what + " variables are declared; declare them with (declare-const "
                    + kind.prefix() + "_0 Real) and so on");
        }
        int max = declared.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Position> positions = new ArrayList<>(max + 1);
        for (int i = 0; i <= max; i++) {
            if (!declared.containsKey(i)) {
                throw error(declared.get(max), kind.prefix() + "_" + max + " is declared but " + kind.prefix() + "_" + i
                        + " is not; " + what + "s must be numbered " + kind.prefix() + "_0 .. " + kind.prefix() + "_"
                        + max + " without gaps");
            }
            positions.add(declared.get(i));
        }
        return positions;
    }

    private void command() {
        if (lexer.kind() == Lexer.Kind.CLOSE) {
            throw error(lexer.position(), "unexpected ')': no '(' is open here (unbalanced parentheses)");
        }
        if (lexer.kind() != Lexer.Kind.OPEN) {
            throw error(lexer.position(), "expected '(' to start a command such as (assert ...), found "
                    + lexer.describe());
        }
        command = lexer.position();
        lexer.next();
        if (lexer.kind() != Lexer.Kind.SYMBOL) {
            throw unexpected("a command name (declare-const or assert)");
        }
        String name = lexer.symbol();
        switch (name) {
            case "declare-const" -> declaration();
            case "assert" -> {
                lexer.next();
                assertions.add(new Assertion(formula(), command));
                close(command, "(assert");
            }
            default -> throw error(lexer.position(), "unsupported command '" + name
                    + "'; a VNN-LIB property consists of (declare-const ...) and (assert ...) commands");
        }
    }

    private void declaration() {
        lexer.next();
        if (lexer.kind() != Lexer.Kind.SYMBOL) {
            throw unexpected("a variable name such as X_0");
        }
        Position at = lexer.position();
        String name = lexer.symbol();
        Variable v = variableName(name);
        if (v == null) {
            throw error(at, "unsupported variable name '" + name + "'; VNN-LIB names the inputs X_0, X_1, ..."
                    + " and the outputs Y_0, Y_1, ...");
        }
        Map<Integer, Position> declared = v.kind() == Variable.Kind.INPUT ? inputs : outputs;
        Position earlier = declared.putIfAbsent(v.index(), at);
        if (earlier != null) {
            throw error(at, name + " is already declared at " + earlier);
        }
        lexer.next();
        if (lexer.kind() != Lexer.Kind.SYMBOL) {
            throw unexpected("the sort Real");
        }
        if (!lexer.symbol().equals("Real")) {
            throw error(lexer.position(), name + " is declared with sort '" + lexer.symbol()
                    + "'; properties only use Real variables");
        }
        lexer.next();
        close(command, "(declare-const");
    }

    private Formula formula() {
        if (lexer.kind() != Lexer.Kind.OPEN) {
            throw unexpected("a formula such as (<= X_0 1.0)");
        }
        Position open = lexer.position();
        enter(open);
        try {
            return nestedFormula(open);
        } finally {
            depth--;
        }
    }

    /** Counts one more level of nesting at {@code open}; refuses nesting deeper than {@link #MAX_DEPTH}. */
    private void enter(Position open) {
        if (++depth > MAX_DEPTH) {
            throw error(open, "formulas and terms are nested more than " + MAX_DEPTH + " levels deep here;"
                    + " VNN-LIB properties nest a few levels (is a ')' missing?)");
        }
    }

    private Formula nestedFormula(Position open) {
        lexer.next();
        if (lexer.kind() != Lexer.Kind.SYMBOL) {
            throw unexpected("an operator (and, or, <=, >=, <, >, =)");
        }
        String op = lexer.symbol();
        Position opAt = lexer.position();
        lexer.next();
        return switch (op) {
            case "and", "or" -> {
                List<Formula> parts = new ArrayList<>();
                while (lexer.kind() != Lexer.Kind.CLOSE) {
                    requireMore(open, "(" + op);
                    parts.add(formula());
                }
                if (parts.isEmpty()) {
                    throw error(open, "(" + op + ") needs at least one formula");
                }
                lexer.next();
                yield op.equals("and") ? new Formula.And(parts) : new Formula.Or(parts);
            }
            case "<=", ">=", "<", ">", "=" -> comparison(op, open);
            default -> throw error(opAt, unsupported(op, "formula", "and, or, <=, >=, <, >, ="));
        };
    }

    /** {@code (op t_1 ... t_n)}: the chain {@code t_1 op t_2 and ... and t_{n-1} op t_n} as atoms. */
    private Formula comparison(String op, Position open) {
        List<LinearExpression> terms = new ArrayList<>();
        while (lexer.kind() != Lexer.Kind.CLOSE) {
            requireMore(open, "(" + op);
            terms.add(term());
        }
        if (terms.size() < 2) {
            throw error(open, "(" + op + " ...) compares at least two terms, found " + terms.size());
        }
        lexer.next();
        boolean strict = op.equals("<") || op.equals(">");
        List<Formula> atoms = new ArrayList<>();
        for (int k = 0; k + 1 < terms.size(); k++) {
            LinearExpression a = terms.get(k);
            LinearExpression b = terms.get(k + 1);
            switch (op) {
                case "<=", "<" -> atoms.add(new Atom(a.minus(b), strict, open));
                case ">=", ">" -> atoms.add(new Atom(b.minus(a), strict, open));
                default -> {
                    atoms.add(new Atom(a.minus(b), false, open));
                    atoms.add(new Atom(b.minus(a), false, open));
                }
            }
        }
        return atoms.size() == 1 ? atoms.get(0) : new Formula.And(atoms);
    }

    private LinearExpression term() {
        Position at = lexer.position();
        if (lexer.kind() == Lexer.Kind.SYMBOL) {
            String symbol = lexer.symbol();
            lexer.next();
            return atomicTerm(symbol, at);
        }
        if (lexer.kind() != Lexer.Kind.OPEN) {
            throw unexpected("a term (a number, a variable or (+ ...), (- ...), (* ...))");
        }
        enter(at);
        try {
            return bounded(compoundTerm(at), at);
        } finally {
            depth--;
        }
    }

    /**
     * {@code e}, unless one of its exact coefficients or its constant needs more than {@link #MAX_DIGITS} digits
     * (repeated products of long or extreme decimals): such numbers make exact arithmetic arbitrarily slow.
     */
    private LinearExpression bounded(LinearExpression e, Position at) {
        for (int k = 0; k <= e.size(); k++) {
            BigDecimal v = k < e.size() ? e.coefficient(k) : e.constant();
            if (v.precision() > MAX_DIGITS || Math.abs((long) v.scale()) > MAX_DIGITS) {
                throw error(at, "the exact value of this term needs more than " + MAX_DIGITS + " decimal digits;"
                        + " write its constants with fewer digits");
            }
        }
        return e;
    }

    /** {@code (op term+)} with {@code op} one of +, -, *, after its '(' at {@code at}. */
    private LinearExpression compoundTerm(Position at) {
        lexer.next();
        if (lexer.kind() != Lexer.Kind.SYMBOL) {
            throw unexpected("an operator (+, - or *)");
        }
        String op = lexer.symbol();
        Position opAt = lexer.position();
        if (!op.equals("+") && !op.equals("-") && !op.equals("*")) {
            throw error(opAt, unsupported(op, "term", "+, -, * (by a constant)"));
        }
        lexer.next();
        List<LinearExpression> args = new ArrayList<>();
        List<Position> argPositions = new ArrayList<>();
        while (lexer.kind() != Lexer.Kind.CLOSE) {
            requireMore(at, "(" + op);
            argPositions.add(lexer.position());
            args.add(term());
        }
        if (args.isEmpty()) {
            throw error(at, "(" + op + ") needs at least one term");
        }
        lexer.next();
        LinearExpression result = args.get(0);
        switch (op) {
            case "+" -> {
                for (int k = 1; k < args.size(); k++) {
                    result = result.plus(args.get(k));
                }
            }
            case "-" -> {
                if (args.size() == 1) {
                    return result.negate();
                }
                for (int k = 1; k < args.size(); k++) {
                    result = result.minus(args.get(k));
                }
            }
            default -> {
                for (int k = 1; k < args.size(); k++) {
                    LinearExpression next = args.get(k);
                    if (!result.isConstant() && !next.isConstant()) {
                        throw error(argPositions.get(k), "this factor and an earlier one both contain variables, so"
                                + " the product is not linear; VNN-LIB properties must be linear");
                    }
                    result = result.isConstant() ? next.times(result.constant()) : result.times(next.constant());
                }
            }
        }
        return result;
    }

    private LinearExpression atomicTerm(String symbol, Position at) {
        if (looksNumeric(symbol)) {
            return LinearExpression.constant(number(symbol, at));
        }
        if (NOT_FINITE.contains(symbol.toLowerCase(Locale.ROOT))) {
            throw error(at, "'" + symbol + "' is not a finite number; constants must be decimals such as 0.5 or"
                    + " -1.5e-3");
        }
        if (COMMAND_WORDS.contains(symbol)) {
            throw error(at, "'" + symbol + "' is a command, not a term; is a ')' missing before it?");
        }
        Variable v = variableName(symbol);
        if (v == null) {
            throw error(at, "unknown variable '" + symbol + "'; properties use the inputs X_i and outputs Y_j");
        }
        Map<Integer, Position> declared = v.kind() == Variable.Kind.INPUT ? inputs : outputs;
        if (!declared.containsKey(v.index())) {
            throw error(at, symbol + " is not declared; declare it with (declare-const " + symbol
                    + " Real) before it is used");
        }
        return LinearExpression.variable(v);
    }

    /** Whether the symbol starts like a number: a digit, or a sign or point followed by a digit or point. */
    private static boolean looksNumeric(String s) {
        char c = s.charAt(0);
        if (Character.isDigit(c)) {
            return true;
        }
        if (s.length() < 2) {
            return false;
        }
        char d = s.charAt(1);
        return (c == '-' || c == '+' || c == '.') && (Character.isDigit(d) || (c != '.' && d == '.'));
    }

    /** A decimal {@code [+-]digits[.digits][(e|E)[+-]digits]} with at least one digit before the exponent. */
    private BigDecimal number(String s, Position at) {
        int i = 0;
        int n = s.length();
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        boolean valid = digits > 0;
        if (valid && i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            valid = exponentDigits > 0;
        }
        if (valid && i == n) {
            BigDecimal value;
            try {
                value = new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw error(at, "the number '" + s + "' is out of range: " + e.getMessage());
            }
            if (value.signum() == 0) {
                return BigDecimal.ZERO;
            }
            if (value.precision() > MAX_DIGITS || Math.abs((long) value.scale()) > MAX_DIGITS) {
                throw error(at, "the number '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "' has more than "
                        + MAX_DIGITS + " digits or an exponent beyond " + MAX_DIGITS + "; write it with fewer digits");
            }
            return value;
        }
        throw error(at, "malformed number '" + s + "'; write decimals such as 0.5, -3, 1.5e-3");
    }

    /** {@code X_i} or {@code Y_j} with a canonical decimal index (no sign, no leading zero, 9 digits at most), or null. */
    private static Variable variableName(String name) {
        int n = name.length();
        if (n < 3 || n > 11 || name.charAt(1) != '_' || (name.charAt(0) != 'X' && name.charAt(0) != 'Y')
                || (n > 3 && name.charAt(2) == '0')) {
            return null;
        }
        int index = 0;
        for (int i = 2; i < n; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            index = 10 * index + (c - '0');
        }
        return name.charAt(0) == 'X' ? Variable.input(index) : Variable.output(index);
    }

    private void requireMore(Position open, String what) {
        if (lexer.kind() == Lexer.Kind.END) {
            throw error(command, "this command is not closed: the file ends inside the " + what + " at " + open
                    + " (unbalanced parentheses)");
        }
    }

    private void close(Position open, String what) {
        if (lexer.kind() == Lexer.Kind.CLOSE) {
            lexer.next();
            return;
        }
        if (lexer.kind() == Lexer.Kind.END) {
            throw error(command, "this command is not closed: the file ends before the ')' of the " + what + " at "
                    + open + " (unbalanced parentheses)");
        }
        throw error(lexer.position(), "expected ')' to close the " + what + " at " + open + ", found "
                + lexer.describe());
    }

    private VnnlibFormatException unexpected(String expected) {
        if (lexer.kind() == Lexer.Kind.END) {
            return error(command, "this command is not closed: the file ends where " + expected
                    + " was expected (unbalanced parentheses)");
        }
        return error(lexer.position(), "expected " + expected + ", found " + lexer.describe());
    }

    private static String unsupported(String op, String where, String supported) {
        String hint = COMMAND_WORDS.contains(op) ? "; is a ')' missing before it?" : "";
        return "unsupported operator '" + op + "' in a " + where + " (supported: " + supported + ")" + hint;
    }

    private VnnlibFormatException error(Position at, String problem) {
        return new VnnlibFormatException(source, at.line(), at.column(), problem);
    }
}
