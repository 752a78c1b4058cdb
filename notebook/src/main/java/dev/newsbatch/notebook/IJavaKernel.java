package dev.newsbatch.notebook;

import dev.newsbatch.display.Chart;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The running IJava kernel, through its base library {@code jupyter-jvm-basekernel}:
 * {@link BaseKernel#display} shows, {@code getIO().display.updateDisplay(id, ..)} updates, and
 * {@link Renderer} renders cell values. Loaded only once {@link Kernels} has found
 * {@value Kernels#IJAVA_MARKER}.
 *
 * <p>The kernel object comes from IJava's entry class, {@value #ENTRY}{@code .getKernelInstance()}.
 * IJava itself is published in no package registry, only its base library is; so that one call is
 * made by reflection, and its result is used as the base library's {@link BaseKernel}.
 */
final class IJavaKernel implements Kernel {
    /** IJava's entry class, holding the running kernel. */
    static final String ENTRY = "io.github.spencerpark.ijava.IJava";

    /** Where the running kernel comes from: IJava's entry class; tests set their own base kernel. */
    static volatile Supplier<Object> source = IJavaKernel::fromEntryClass;

    private final BaseKernel kernel;

    IJavaKernel(BaseKernel kernel) {
        this.kernel = kernel;
    }

    /** The kernel this code runs in, if it runs in IJava. */
    static Optional<Kernel> running() {
        Object k = source.get();
        return k instanceof BaseKernel b ? Optional.of(new IJavaKernel(b)) : Optional.empty();
    }

    private static Object fromEntryClass() {
        try {
            return Class.forName(ENTRY, false, IJavaKernel.class.getClassLoader())
                    .getMethod("getKernelInstance").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null; // the base library without IJava, or no kernel runs
        }
    }

    @Override
    public String name() {
        return "IJava";
    }

    @Override
    public Object instance() {
        return kernel;
    }

    @Override
    public void show(Rendering rendering, String displayId) {
        try {
            DisplayData data = data(rendering);
            if (displayId != null) {
                data.setDisplayId(displayId);
            }
            kernel.display(data);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("IJava display failed: " + Kernels.cause(e), e);
        }
    }

    @Override
    public void update(Rendering rendering, String displayId) {
        try {
            kernel.getIO().display.updateDisplay(displayId, data(rendering));
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("IJava display update failed: " + Kernels.cause(e), e);
        }
    }

    @Override
    public void register(Collection<Class<?>> types) {
        try {
            Renderer renderer = kernel.getRenderer();
            for (Class<?> type : types) {
                register(renderer, type);
            }
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("IJava renderer registration failed: " + Kernels.cause(e), e);
        }
    }

    private static <T> void register(Renderer renderer, Class<T> type) {
        renderer.createRegistration(type)
                .preferring(Rendering.mimeType(type))
                .register((value, context) -> fill(context.getOutputContainer(), Rendering.of(value)));
    }

    /** Everything but {@code text/plain}, which the renderer adds itself from {@code toString()}. */
    private static void fill(DisplayData out, Rendering rendering) {
        for (Map.Entry<String, String> e : rendering.bundle().entrySet()) {
            if (!e.getKey().equals("text/plain")) {
                out.putData(e.getKey(), e.getValue());
            }
        }
    }

    private static DisplayData data(Rendering rendering) {
        DisplayData data = new DisplayData(rendering.text());
        fill(data, rendering);
        return data;
    }

    @Override
    public String toString() {
        return "IJavaKernel[" + kernel.getClass().getName() + "]";
    }
}
