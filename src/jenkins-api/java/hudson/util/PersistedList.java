// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.util;

import hudson.model.Saveable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** Holds its elements in memory; the stand-in saves nothing. */
public class PersistedList<T> extends java.util.AbstractList<T> {
    private final List<T> elements = new ArrayList<>();

    protected PersistedList() {}

    protected PersistedList(Collection<? extends T> initialList) {
        elements.addAll(initialList);
    }

    public PersistedList(Saveable owner) {}

    @Override
    public boolean add(T item) {
        return elements.add(item);
    }

    @Override
    public T get(int index) {
        return elements.get(index);
    }

    public <U extends T> U get(Class<U> type) {
        return elements.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElse(null);
    }

    public <U extends T> List<U> getAll(Class<U> type) {
        return elements.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public boolean remove(Object o) {
        return elements.remove(o);
    }

    @Override
    public Iterator<T> iterator() {
        return elements.iterator();
    }

    public List<T> toList() {
        return List.copyOf(elements);
    }
}
