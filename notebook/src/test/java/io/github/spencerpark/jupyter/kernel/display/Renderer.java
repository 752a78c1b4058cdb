package io.github.spencerpark.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stand-in for the base kernel's renderer: registrations by exact class, as the real one matches them. */
public class Renderer {
    public final Map<Class<?>, RenderFunction<Object>> functions = new LinkedHashMap<>();
    public final Map<Class<?>, List<String>> preferred = new LinkedHashMap<>();

    public <T> RenderRegistration<T> createRegistration(Class<T> type) {
        return new RenderRegistration<>(type);
    }

    /** Renders as the real renderer does: text/plain from String.valueOf, then the registered function. */
    public DisplayData render(Object value) {
        DisplayData out = new DisplayData(String.valueOf(value));
        RenderFunction<Object> f = functions.get(value.getClass());
        if (f != null) {
            f.render(value, new RenderContext(out));
        }
        return out;
    }

    public class RenderRegistration<T> {
        private final Class<T> type;
        private List<String> types = List.of();

        RenderRegistration(Class<T> type) {
            this.type = type;
        }

        public RenderRegistration<T> preferring(String... mimeTypes) {
            types = List.of(mimeTypes);
            return this;
        }

        @SuppressWarnings("unchecked")
        public void register(RenderFunction<T> function) {
            functions.put(type, (RenderFunction<Object>) function);
            preferred.put(type, types);
        }
    }
}
