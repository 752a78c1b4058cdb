package dev.newsbatch.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.junit.jupiter.api.Test;

/**
 * Rich display in JJava, against its base library {@code jjava-jupyter}: a {@link BaseKernel} started
 * as JJava starts one ({@code onStartup()} makes it {@link BaseKernel#notebookKernel()}), its own
 * {@link Renderer}, and its {@link JupyterIO} attached to a {@link ShellReplyEnvironment} that keeps
 * the messages it would send to Jupyter.
 */
class JJavaDisplayTest extends KernelDisplayCase {
    private TestKernel kernel;

    @Override
    void enterKernel() {
        kernel = new TestKernel();
        kernel.onStartup();
        kernel.io().attach();
    }

    @Override
    void leaveKernel() {
        if (kernel != null) {
            kernel.io().detach();
            kernel.onShutdown(false);
            kernel = null;
        }
    }

    @Override
    List<Sent> sent() {
        return kernel.io().env.sent.stream().map(m -> {
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
        return Notebook.isJJava();
    }

    @Test
    void jjavaComesFirstWhenIJavasLibraryIsAlsoPresent() {
        Supplier<Object> original = IJavaKernel.source;
        IJavaKernel.source = () -> new IJavaDisplayTest.TestKernel();
        try {
            assertTrue(Notebook.isJJava());
            assertFalse(Notebook.isIJava());
            Notebook.display(dev.newsbatch.display.SampleResults.of(1, 0));
            assertEquals(1, sent().size(), "shown in JJava");
        } finally {
            IJavaKernel.source = original;
        }
    }

    /**
     * Run in a class loader without IJava's library ({@link KernelIsolationTest}): outside a kernel,
     * then inside one, shows a result set and reports what was published.
     */
    static final class Alone {
        public static String run() {
            Notebook.display(dev.newsbatch.display.SampleResults.of(1, 0));
            TestKernel kernel = new TestKernel();
            kernel.onStartup();
            kernel.io().attach();
            try {
                Notebook.install();
                Notebook.display(dev.newsbatch.display.SampleResults.of(1, 0));
                return describe(kernel.io().env.sent) + " " + Notebook.isJJava();
            } finally {
                kernel.io().detach();
                kernel.onShutdown(false);
            }
        }

        private static String describe(List<Message<?>> sent) {
            return sent.stream().map(m -> m.getHeader().getType().getName() + ":"
                    + (((DisplayData) m.getContent()).getData(MIMEType.parse("text/html")) != null ? "html" : "text"))
                    .toList().toString();
        }
    }

    /** JJava's base kernel with nothing to evaluate: display, renderer and IO are the library's own. */
    static final class TestKernel extends BaseKernel {
        TestKernel() {
            super("test", "0", null, List.of(), null, new CapturingIO(), new CommManager(), new Renderer(),
                    null, null, false, new StringStyler.Builder().build());
        }

        CapturingIO io() {
            return (CapturingIO) getIO();
        }

        @Override
        public Object evalRaw(String source) {
            throw new UnsupportedOperationException("evaluates nothing");
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_MAYBE;
        }
    }

    /** The library's IO; attaching it to a reply environment is what a cell's execution does. */
    static final class CapturingIO extends JupyterIO {
        final CapturingEnv env = new CapturingEnv();

        CapturingIO() {
            super(StandardCharsets.UTF_8);
        }

        void attach() {
            setEnv(env);
        }

        void detach() {
            retractEnv(env);
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
