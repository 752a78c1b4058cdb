package dev.newsbatch.notebook;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.JupyterIO;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.messages.Message;

/**
 * Rich display in IJava, against its base library {@code jupyter-jvm-basekernel}: a {@link BaseKernel}
 * subclass (IJava's own kernel is one), its own renderer, and its {@link JupyterIO} attached to a
 * {@link ShellReplyEnvironment} that keeps the messages it would send to Jupyter. IJava's entry class,
 * which only hands out the running kernel, is in no package registry: {@link IJavaKernel#source}
 * stands in for that one call.
 */
class IJavaDisplayTest extends KernelDisplayCase {
    private Supplier<Object> original;
    private TestKernel kernel;
    private CapturingEnv env;

    @Override
    void enterKernel() {
        original = IJavaKernel.source;
        kernel = new TestKernel();
        env = new CapturingEnv();
        attach(kernel.getIO(), env);
        IJavaKernel.source = () -> kernel;
    }

    @Override
    void leaveKernel() {
        if (original != null) {
            IJavaKernel.source = original;
        }
    }

    @Override
    List<Sent> sent() {
        return env.sent.stream().map(m -> {
            DisplayData d = (DisplayData) m.getContent();
            return new Sent(m.getHeader().getType().getName(), d.getDisplayId(), mime -> d.getData(MIMEType.parse(mime)));
        }).toList();
    }

    @Override
    Rendered renderCellValue(Object value) {
        DisplayData d = kernel.getRenderer().render(value);
        return mime -> d.getData(MIMEType.parse(mime));
    }

    @Override
    boolean notebookSeesThisKernel() {
        return Notebook.isIJava();
    }

    /**
     * What the base kernel does when a cell runs: {@code JupyterIO.setEnv} is protected and the kernel's
     * IO is its own, so it is called by reflection.
     */
    private static void attach(JupyterIO io, ShellReplyEnvironment env) {
        try {
            Method setEnv = JupyterIO.class.getDeclaredMethod("setEnv", ShellReplyEnvironment.class);
            setEnv.setAccessible(true);
            setEnv.invoke(io, env);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Run in a class loader without JJava's library ({@link KernelIsolationTest}): outside a kernel,
     * then inside one, shows a result set and reports what was published.
     */
    static final class Alone {
        public static String run() {
            Notebook.display(dev.newsbatch.display.SampleResults.of(1, 0));
            TestKernel kernel = new TestKernel();
            CapturingEnv env = new CapturingEnv();
            attach(kernel.getIO(), env);
            Supplier<Object> original = IJavaKernel.source;
            IJavaKernel.source = () -> kernel;
            try {
                Notebook.install();
                Notebook.display(dev.newsbatch.display.SampleResults.of(1, 0));
                return env.sent.stream().map(m -> m.getHeader().getType().getName() + ":"
                        + (((DisplayData) m.getContent()).getData(MIMEType.parse("text/html")) != null ? "html" : "text"))
                        .toList() + " " + Notebook.isIJava();
            } finally {
                IJavaKernel.source = original;
            }
        }
    }

    /** The base kernel with nothing to evaluate: display, renderer and IO are the library's own. */
    static final class TestKernel extends BaseKernel {
        @Override
        public DisplayData eval(String expr) {
            throw new UnsupportedOperationException("evaluates nothing");
        }

        @Override
        public LanguageInfo getLanguageInfo() {
            return null;
        }
    }

    /** The library's reply environment, keeping each message it would publish on IOPub. */
    static final class CapturingEnv extends ShellReplyEnvironment {
        final List<Message<?>> sent = new ArrayList<>();

        CapturingEnv() {
            super(null, null, null, null);
        }

        @Override
        public void publish(Message<?> msg) {
            sent.add(msg);
        }
    }
}
