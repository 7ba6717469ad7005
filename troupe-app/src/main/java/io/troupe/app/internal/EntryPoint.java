package io.troupe.app.internal;

import io.troupe.app.AppContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java method of a process entry, checked against the allowed signatures (see
 * {@link io.troupe.app.ProcessEntry}) and invoked with an {@link AppContext}.
 */
final class EntryPoint {
    /** The parameter forms, in order of preference. */
    private enum Shape { CONTEXT, ARGS, NONE }

    static final String ALLOWED = "int|void %1$s(AppContext), int|void %1$s(String...), int|void %1$s()";

    private final Method method;
    private final Shape shape;

    private EntryPoint(Method method, Shape shape) {
        this.method = method;
        this.shape = shape;
    }

    /** Thrown by {@link #resolve} for a class or method that cannot be used; {@code field} is the YAML field to blame. */
    static final class Unusable extends Exception {
        final String field;

        Unusable(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    static EntryPoint resolve(String className, String methodName, ClassLoader loader) throws Unusable {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new Unusable("class", "no class " + className + " on the class path");
        } catch (LinkageError e) {
            throw new Unusable("class", "cannot load " + className + ": " + e);
        }
        if (!Modifier.isPublic(type.getModifiers())) throw new Unusable("class", "class " + className + " is not public");
        List<Method> named = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(methodName) && !m.isSynthetic()).toList();
        if (named.isEmpty()) throw new Unusable("method", "class " + className + " has no method '" + methodName + "'");
        List<Method> fitting = named.stream().filter(m -> shapeOf(m) != null).toList();
        if (fitting.isEmpty()) {
            String found = named.stream().sorted(Comparator.comparing(Method::toGenericString))
                    .map(EntryPoint::signature).collect(Collectors.joining(", "));
            throw new Unusable("method", "wrong signature: found " + found + "; allowed: " + ALLOWED.formatted(methodName));
        }
        Method best = fitting.stream().filter(EntryPoint::isPublicStatic)
                .min(Comparator.comparing(EntryPoint::shapeOf)).orElse(null);
        if (best == null) throw new Unusable("method", signature(fitting.getFirst()) + " must be public static");
        Shape bestShape = shapeOf(best);
        return new EntryPoint(best, bestShape);
    }

    /**
     * Calls the method. Exceptions it throws pass through unchanged if unchecked; a checked one is
     * wrapped in a {@link RuntimeException} with it as the cause.
     *
     * @return its {@code int} result; 0 for {@code void} or a {@code null} {@code Integer}
     */
    int invoke(AppContext context) {
        Object[] arguments = switch (shape) {
            case CONTEXT -> new Object[] {context};
            case ARGS -> new Object[] {context.args().toArray(String[]::new)};
            case NONE -> new Object[0];
        };
        Object result;
        try {
            result = method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException unchecked) throw unchecked;
            if (cause instanceof Error error) throw error;
            throw new RuntimeException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + signature(method) + " (is its package exported?)", e);
        }
        return result instanceof Integer code ? code : 0;
    }

    private static boolean isPublicStatic(Method m) {
        return Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers());
    }

    private static Shape shapeOf(Method m) {
        Class<?> returns = m.getReturnType();
        if (returns != int.class && returns != Integer.class && returns != void.class) return null;
        Class<?>[] params = m.getParameterTypes();
        if (params.length == 0) return Shape.NONE;
        if (params.length != 1) return null;
        if (params[0] == AppContext.class) return Shape.CONTEXT;
        if (params[0] == String[].class) return Shape.ARGS;
        return null;
    }

    private static String signature(Method m) {
        String params = Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
        String mods = Modifier.toString(m.getModifiers() & (Modifier.PUBLIC | Modifier.PRIVATE | Modifier.PROTECTED | Modifier.STATIC));
        return (mods.isEmpty() ? "" : mods + " ") + m.getReturnType().getSimpleName() + " " + m.getName() + "(" + params + ")";
    }
}
