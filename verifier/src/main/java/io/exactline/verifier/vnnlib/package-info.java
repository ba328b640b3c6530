/**
 * Reading VNN-LIB files into {@link io.exactline.verifier.property.Property} values:
 * {@link io.exactline.verifier.vnnlib.VnnlibParser} and its {@link io.exactline.verifier.vnnlib.VnnlibFormatException}.
 */
package io.exactline.verifier.vnnlib;
