package org.relationshipledger.contracts;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Rebuilds a record through its canonical constructor with one field replaced, so checks run again. */
final class RecordFields {

    private RecordFields() {
    }

    static Object copyWith(Record original, String field, Object value) {
        RecordComponent[] components = original.getClass().getRecordComponents();
        if (Arrays.stream(components).noneMatch(component -> component.getName().equals(field))) {
            throw new IllegalArgumentException(original.getClass().getSimpleName() + " has no field " + field);
        }
        try {
            Object[] arguments = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                arguments[i] = components[i].getName().equals(field)
                        ? value
                        : components[i].getAccessor().invoke(original);
            }
            var constructor = original.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException rejection) {
                throw rejection;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
