package dev.newsbatch.notebook;

import dev.newsbatch.display.Chart;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * The running JJava kernel ({@code org.dflib.jjava}, DFLib's maintained fork of IJava), through its
 * base library {@code jjava-jupyter}: {@link BaseKernel#notebookKernel()} finds it (JJava 1.0-a6 and
 * later; before that {@code org.dflib.jjava.JJava.getKernelInstance()}), {@link BaseKernel#display}
 * shows, {@code getIO().display.updateDisplay(id, ..)} updates, and {@link Renderer} renders cell values.
 * Loaded only once {@link Kernels} has found {@value Kernels#JJAVA_MARKER}.
 */
final class JJavaKernel implements Kernel {
    private static final String LEGACY_ENTRY = "org.dflib.jjava.JJava";

    private final BaseKernel kernel;

    JJavaKernel(BaseKernel kernel) {
        this.kernel = kernel;
    }

    /** The kernel this code runs in, if it runs in JJava. */
    static Optional<Kernel> running() {
        BaseKernel k;
        try {
            k = BaseKernel.notebookKernel();
        } catch (NullPointerException e) {
            k = null; // the library is here, no kernel runs (JShell, a test)
        } catch (LinkageError e) {
            k = legacy();
        }
        return Optional.ofNullable(k).map(JJavaKernel::new);
    }

    /** JJava before 1.0-a6 kept its kernel in {@code JJava.getKernelInstance()}. */
    private static BaseKernel legacy() {
        try {
            Object k = Class.forName(LEGACY_ENTRY, false, JJavaKernel.class.getClassLoader())
                    .getMethod("getKernelInstance").invoke(null);
            return k instanceof BaseKernel b ? b : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return "JJava";
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
            throw new IllegalStateException("JJava display failed: " + Kernels.cause(e), e);
        }
    }

    @Override
    public void update(Rendering rendering, String displayId) {
        try {
            kernel.getIO().display.updateDisplay(displayId, data(rendering));
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("JJava display update failed: " + Kernels.cause(e), e);
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
            throw new IllegalStateException("JJava renderer registration failed: " + Kernels.cause(e), e);
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
        return "JJavaKernel[" + kernel.getClass().getName() + "]";
    }
}
