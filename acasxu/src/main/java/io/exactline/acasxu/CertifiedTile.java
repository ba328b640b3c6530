package io.exactline.acasxu;

/**
 * One tile of a slice and the verifier's answer for the advisory the network gives at the tile's centre.
 *
 * @param rectangle the tile
 * @param verdict whether that advisory holds on all of the tile
 */
public record CertifiedTile(InputSlice rectangle, RectangleVerdict verdict) {
    /** Whether the tile's advisory is certified on all of it. */
    public boolean certified() {
        return verdict instanceof RectangleVerdict.Certified;
    }
}
