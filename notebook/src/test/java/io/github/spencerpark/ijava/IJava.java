package io.github.spencerpark.ijava;

/**
 * A stand-in for the IJava kernel's entry class, with the one method newsbatch reaches by reflection;
 * tests set {@link #kernel} to pretend to run inside IJava.
 */
public final class IJava {
    /** The running kernel, or null outside IJava. */
    public static JavaKernel kernel;

    private IJava() {}

    public static JavaKernel getKernelInstance() {
        return kernel;
    }
}
