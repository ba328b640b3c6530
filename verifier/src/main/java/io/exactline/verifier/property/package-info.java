/**
 * Properties as unsafe sets, independent of VNN-LIB: a {@link io.exactline.verifier.property.Property} is a list
 * of cases, each an input {@link io.exactline.verifier.property.Box} (with optional linear input constraints)
 * and an {@link io.exactline.verifier.property.OutputCondition} in disjunctive normal form over linear
 * inequalities {@code sum c v + d <= 0}. Membership of concrete points is decided exactly.
 */
package io.exactline.verifier.property;
