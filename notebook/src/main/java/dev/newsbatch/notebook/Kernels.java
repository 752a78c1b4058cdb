package dev.newsbatch.notebook;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the kernel this code runs in: JJava first, then IJava, else none (plain JShell, a terminal,
 * a test). Each kernel's implementation class is touched only after the kernel library's marker class
 * was found through this module's own class loader, the loader that links the implementation; so a
 * JJava user needs no IJava classes and an IJava user no JJava classes.
 */
final class Kernels {
    /** JJava's base kernel class (DFLib's fork of IJava). */
    static final String JJAVA_MARKER = "org.dflib.jjava.jupyter.kernel.BaseKernel";
    /** IJava's base kernel class (jupyter-jvm-basekernel). */
    static final String IJAVA_MARKER = "io.github.spencerpark.jupyter.kernel.BaseKernel";

    private static final Map<String, Boolean> PRESENT = new ConcurrentHashMap<>();

    private Kernels() {}

    /** The running kernel, if this code runs in JJava or IJava. */
    static Optional<Kernel> running() {
        if (present(JJAVA_MARKER)) {
            Optional<Kernel> jjava = JJavaKernel.running();
            if (jjava.isPresent()) {
                return jjava;
            }
        }
        if (present(IJAVA_MARKER)) {
            return IJavaKernel.running();
        }
        return Optional.empty();
    }

    /** True if {@code className} can be loaded by the loader that loaded this module. */
    static boolean present(String className) {
        return PRESENT.computeIfAbsent(className, name -> {
            try {
                Class.forName(name, false, Kernels.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    /** The message of a failure, for a warning. */
    static String cause(Throwable e) {
        Throwable t = e;
        while (t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
