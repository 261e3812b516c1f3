package dev.kernels.internal;

/** Loaded by name: reports the species width without the provider linking against the Vector API. */
public final class PanamaProbe {
    public int[] info() {
        return new int[] {PanamaSpecies.F.vectorBitSize(), PanamaSpecies.F.length()};
    }
}
