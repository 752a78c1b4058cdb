package dev.newsbatch.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A JJava user has no IJava classes and an IJava user no JJava classes: this module, the SDK and the
 * tests are loaded afresh in a class loader whose class path lacks the other kernel's library, and a
 * kernel of the remaining one shows a result set as HTML.
 */
class KernelIsolationTest {

    @Test
    void jjavaWorksWithoutIJavasLibrary() throws Exception {
        try (URLClassLoader loader = classPathWithout("jupyter-jvm-basekernel")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(Kernels.IJAVA_MARKER, false, loader));
            assertEquals("[display_data:html] true", run(loader, JJavaDisplayTest.Alone.class));
        }
    }

    @Test
    void ijavaWorksWithoutJJavasLibrary() throws Exception {
        try (URLClassLoader loader = classPathWithout("jjava-jupyter")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(Kernels.JJAVA_MARKER, false, loader));
            assertEquals("[display_data:html] true", run(loader, IJavaDisplayTest.Alone.class));
        }
    }

    private static String run(ClassLoader loader, Class<?> driver) throws Exception {
        Class<?> copy = Class.forName(driver.getName(), true, loader);
        assertEquals(loader, copy.getClassLoader(), "loaded afresh, not from the test's own loader");
        java.lang.reflect.Method run = copy.getMethod("run");
        run.setAccessible(true); // another loader's package: the test's own package-private class is not its
        return (String) run.invoke(null);
    }

    /** The test class path, less every entry whose name contains {@code excluded}, over the platform loader. */
    private static URLClassLoader classPathWithout(String excluded) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).getFileName().toString().contains(excluded))
                .map(KernelIsolationTest::url)
                .toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
