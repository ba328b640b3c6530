package io.exactline.verifier.property;

/**
 * Where a point satisfies a {@link Property}: the first case whose input region contains it and the first
 * disjunct of that case's output condition that holds.
 *
 * @param caseIndex index into {@link Property#cases()}
 * @param disjunctIndex index into that case's {@link OutputCondition#disjuncts()}
 * @param description the case and the satisfied inequalities with their values, for messages
 */
public record PropertyMatch(int caseIndex, int disjunctIndex, String description) {
}
