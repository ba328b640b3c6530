package io.exactline.core.line;

import java.math.BigInteger;
import java.util.function.Consumer;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.Rationals;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Window2d;

/**
 * 2-D max pooling held exactly: each window (unit) outputs its largest element; its state is the kernel position
 * of the first largest element in kernel order, as {@link MaxPool2d} encodes it. The windows follow the geometry
 * {@link Window2d} documents (padding never wins: it is left out).
 */
final class RationalMaxPool implements RationalPiecewiseLinear {
    private final int[] start;
    private final int[] index;
    private final int[] position;

    private RationalMaxPool(int[] start, int[] index, int[] position) {
        this.start = start;
        this.index = index;
        this.position = position;
    }

    static RationalMaxPool of(MaxPool2d layer) {
        int units = layer.unitCount();
        int[] start = new int[units + 1];
        int[][] inputs = new int[units][];
        int[][] positions = new int[units][];
        for (int u = 0; u < units; u++) {
            inputs[u] = layer.windowInputs(u);
            positions[u] = layer.windowPositions(u);
            start[u + 1] = start[u] + inputs[u].length;
        }
        int[] index = new int[start[units]];
        int[] position = new int[start[units]];
        for (int u = 0; u < units; u++) {
            System.arraycopy(inputs[u], 0, index, start[u], inputs[u].length);
            System.arraycopy(positions[u], 0, position, start[u], positions[u].length);
        }
        return new RationalMaxPool(start, index, position);
    }

    @Override
    public int unitCount() {
        return start.length - 1;
    }

    /** The entry of window {@code u}'s first largest element; entries share the denominator, so numerators decide. */
    private int argmax(ExactVector x, int u) {
        int best = start[u];
        for (int e = start[u] + 1; e < start[u + 1]; e++) {
            if (x.numerator(index[e]).compareTo(x.numerator(index[best])) > 0) {
                best = e;
            }
        }
        return best;
    }

    @Override
    public ExactVector apply(ExactVector x) {
        BigInteger[] y = new BigInteger[unitCount()];
        for (int u = 0; u < y.length; u++) {
            y[u] = x.numerator(index[argmax(x, u)]);
        }
        return ExactVector.of(y, x.denominator(), 0);
    }

    @Override
    public void states(ExactVector x, int[] states) {
        for (int u = 0; u < states.length; u++) {
            states[u] = position[argmax(x, u)];
        }
    }

    /**
     * Walks each window's upper envelope: with {@code Dp Dq} times element {@code e}'s value on the segment being
     * {@code a_e + r b_e}, starts from the largest {@code a} (ties to the larger slope) and repeatedly moves to the
     * line with a larger slope that overtakes the current one first (ties to the larger slope), reporting every
     * overtaking point in (0, 1).
     */
    @Override
    public void crossings(ExactVector p, ExactVector q, Consumer<BigFraction> sink) {
        BigInteger dp = p.denominator();
        BigInteger dq = q.denominator();
        for (int u = 0; u < unitCount(); u++) {
            int size = start[u + 1] - start[u];
            BigInteger[] a = new BigInteger[size];
            BigInteger[] b = new BigInteger[size];
            int current = 0;
            for (int k = 0; k < size; k++) {
                int i = index[start[u] + k];
                a[k] = p.numerator(i).multiply(dq);
                b[k] = q.numerator(i).multiply(dp).subtract(a[k]);
                int order = a[k].compareTo(a[current]);
                if (order > 0 || (order == 0 && b[k].compareTo(b[current]) > 0)) {
                    current = k;
                }
            }
            BigFraction r = BigFraction.ZERO;
            while (true) {
                int next = -1;
                BigFraction nextRatio = null;
                for (int k = 0; k < size; k++) {
                    if (b[k].compareTo(b[current]) > 0) {
                        BigFraction meet = Rationals.of(a[current].subtract(a[k]), b[k].subtract(b[current]));
                        int order = next < 0 ? -1 : Rationals.compare(meet, nextRatio);
                        if (order < 0 || (order == 0 && b[k].compareTo(b[next]) > 0)) {
                            next = k;
                            nextRatio = meet;
                        }
                    }
                }
                if (next < 0 || Rationals.compare(nextRatio, BigFraction.ONE) >= 0) {
                    break;
                }
                if (Rationals.compare(nextRatio, r) > 0) {
                    sink.accept(nextRatio);
                    r = nextRatio;
                }
                current = next;
            }
        }
    }
}
