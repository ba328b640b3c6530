package io.exactline.core.study;

/**
 * How far from linear a network is along one short segment {@code [x, x + d]} from an input {@code x}.
 *
 * @param direction {@code "random"} or {@code "gradient-sign"}
 * @param pieceCount number of ExactLine pieces on the segment (1: the network is affine on it)
 * @param meanCosine length-weighted mean over the pieces of the cosine similarity between the gradient at
 *        {@code x} and the gradient on the piece: {@code Σ_j (t_{j+1} − t_j) cos(∇F_k(x), g_j)}; 1 when the
 *        gradient does not change
 * @param cosineProfile the cosine at the ratios {@link LinearityStudy#profileRatios()} along the segment
 */
public record SegmentLinearity(String direction, int pieceCount, double meanCosine, double[] cosineProfile) {
    public SegmentLinearity {
        cosineProfile = cosineProfile.clone();
    }

    @Override
    public double[] cosineProfile() {
        return cosineProfile.clone();
    }
}
