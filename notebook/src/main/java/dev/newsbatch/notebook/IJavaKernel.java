package dev.newsbatch.notebook;

import dev.newsbatch.display.Chart;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The running IJava kernel, reached by reflection only, so that neither the SDK nor this module has a
 * dependency on IJava or its base kernel: {@code io.github.spencerpark.ijava.IJava.getKernelInstance()} for the kernel,
 * its {@code DisplayData}, {@code display(..)}, {@code getIO().display.updateDisplay(..)} and
 * {@code getRenderer().createRegistration(..)} for output.
 */
final class IJavaKernel implements Frontend {
    static final String KERNEL_CLASS = "io.github.spencerpark.ijava.IJava";
    private static final String DISPLAY_DATA = "io.github.spencerpark.jupyter.kernel.display.DisplayData";

    private final Object kernel;
    private final Class<?> displayData;

    private IJavaKernel(Object kernel, Class<?> displayData) {
        this.kernel = kernel;
        this.displayData = displayData;
    }

    /** The kernel this code runs in, if it runs in IJava. */
    static Optional<IJavaKernel> find() {
        for (ClassLoader loader : new ClassLoader[] {IJavaKernel.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> ijava = Class.forName(KERNEL_CLASS, false, loader);
                Object kernel = ijava.getMethod("getKernelInstance").invoke(null);
                if (kernel != null) {
                    return Optional.of(new IJavaKernel(kernel, Class.forName(DISPLAY_DATA, false,
                            kernel.getClass().getClassLoader())));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not in IJava through this loader
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The kernel object itself (identity of the running kernel). */
    Object kernel() {
        return kernel;
    }

    @Override
    public void show(Rendering rendering, String displayId) {
        try {
            Object data = data(rendering, displayId);
            kernel.getClass().getMethod("display", displayData).invoke(kernel, data);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("IJava display failed: " + cause(e), e);
        }
    }

    @Override
    public void update(Rendering rendering, String displayId) {
        try {
            Object data = data(rendering, displayId);
            Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
            Object stream = io.getClass().getField("display").get(io);
            try {
                stream.getClass().getMethod("updateDisplay", String.class, displayData).invoke(stream, displayId, data);
            } catch (NoSuchMethodException e) {
                stream.getClass().getMethod("updateDisplay", displayData).invoke(stream, data);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("IJava display update failed: " + cause(e), e);
        }
    }

    @Override
    public boolean isRich() {
        return true;
    }

    /**
     * Registers a renderer for each type so that a value ending a cell shows as HTML or an image,
     * computed by {@link Rendering#of(Object)}.
     */
    void register(Collection<Class<?>> types) {
        try {
            Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
            for (Class<?> type : types) {
                Object registration = renderer.getClass().getMethod("createRegistration", Class.class)
                        .invoke(renderer, type);
                String mime = type == Chart.class ? "image/png" : "text/html";
                registration.getClass().getMethod("preferring", String[].class)
                        .invoke(registration, (Object) new String[] {mime});
                Method register = null;
                for (Method m : registration.getClass().getMethods()) {
                    if (m.getName().equals("register") && m.getParameterCount() == 1 && m.getParameterTypes()[0].isInterface()) {
                        register = m;
                    }
                }
                if (register == null) {
                    throw new NoSuchMethodException("RenderRegistration.register(RenderFunction)");
                }
                Class<?> function = register.getParameterTypes()[0];
                Object proxy = Proxy.newProxyInstance(function.getClassLoader(), new Class<?>[] {function},
                        new RenderFunction());
                register.invoke(registration, proxy);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("IJava renderer registration failed: " + cause(e), e);
        }
    }

    private Object data(Rendering rendering, String displayId) throws ReflectiveOperationException {
        Object data = displayData.getConstructor(String.class).newInstance(rendering.text());
        Method put = displayData.getMethod("putData", String.class, Object.class);
        for (Map.Entry<String, String> e : rendering.bundle().entrySet()) {
            put.invoke(data, e.getKey(), e.getValue());
        }
        if (displayId != null) {
            try {
                displayData.getMethod("setDisplayId", String.class).invoke(data, displayId);
            } catch (NoSuchMethodException e) {
                displayData.getMethod("putTransientData", String.class, Object.class)
                        .invoke(data, "display_id", displayId);
            }
        }
        return data;
    }

    private static String cause(Throwable e) {
        Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** The kernel's {@code RenderFunction}: fills the output container from {@link Rendering#of}. */
    private static final class RenderFunction implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "render" -> {
                    Object value = args[0];
                    Object context = args[1];
                    Object out = context.getClass().getMethod("getOutputContainer").invoke(context);
                    Method put = out.getClass().getMethod("putData", String.class, Object.class);
                    for (Map.Entry<String, String> e : Rendering.of(value).bundle().entrySet()) {
                        if (!e.getKey().equals("text/plain")) {
                            put.invoke(out, e.getKey(), e.getValue());
                        }
                    }
                    return null;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "newsbatch renderer";
                }
                default -> throw new UnsupportedOperationException(method.getName());
            }
        }
    }

    @Override
    public String toString() {
        return "IJavaKernel[" + kernel.getClass().getName() + "]";
    }
}
