package io.exactline.core.plane;

import java.util.Arrays;

/**
 * The vertex made on each edge during one cutting pass (one unit and breakpoint), so that the two pieces sharing an
 * edge get the very same cut vertex. An open-addressing table from an edge {@code (lo, hi)} of pool vertices to the
 * new vertex; starting a pass forgets every entry in constant time (entries carry the pass they belong to).
 */
final class EdgeVertices {
    private long[] keys = new long[64];
    private int[] vertices = new int[64];
    private int[] passes = new int[64];
    private int pass = 1;
    private int size;

    /** Forgets all entries. */
    void startPass() {
        pass++;
        if (pass == 0) {
            Arrays.fill(passes, 0);
            pass = 1;
        }
        size = 0;
    }

    /** The vertex made on edge {@code (lo, hi)} in this pass, or -1. */
    int get(int lo, int hi) {
        long key = key(lo, hi);
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; passes[slot] == pass; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return vertices[slot];
            }
        }
        return -1;
    }

    /** Records {@code vertex} as made on edge {@code (lo, hi)} in this pass; the edge must not have one yet. */
    void put(int lo, int hi, int vertex) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key(lo, hi), vertex);
        size++;
    }

    private void insert(long key, int vertex) {
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (passes[slot] == pass) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        vertices[slot] = vertex;
        passes[slot] = pass;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldVertices = vertices;
        int[] oldPasses = passes;
        keys = new long[2 * oldKeys.length];
        vertices = new int[2 * oldKeys.length];
        passes = new int[2 * oldKeys.length];
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldPasses[slot] == pass) {
                insert(oldKeys[slot], oldVertices[slot]);
            }
        }
    }

    private static long key(int lo, int hi) {
        return ((long) lo << 32) | (hi & 0xffffffffL);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
