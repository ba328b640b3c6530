package io.exactline.acasxu;

import io.exactline.core.network.Network;

/**
 * The advisories of a {@link TopDownWindow}, exactly. A line in {@code (x, y)} is not a line in the network
 * inputs, but {@code (rho, theta)} are inputs: the view is the image of the linear slice
 * {@link TopDownWindow#polarSlice()} under the polar map {@code x = rho cos theta, y = rho sin theta}, a bijection
 * away from the ownship. So the exact advisory cells of that slice, mapped, are the exact advisory regions of the
 * view, with edges that are straight in {@code (rho, theta)} and spiral arcs in {@code (x, y)}.
 *
 * @param window the view
 * @param polar the exact advisory cells over {@code (rho, theta)}
 */
public record TopDownView(TopDownWindow window, AdvisorySlice polar) {
    /** Computes the view's exact advisory cells for {@code network}. */
    public static TopDownView compute(Network network, TopDownWindow window) {
        return new TopDownView(window, AdvisorySlice.compute(network, window.polarSlice()));
    }
}
