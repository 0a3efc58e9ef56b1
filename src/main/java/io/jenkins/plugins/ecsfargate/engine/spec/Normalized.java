package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable, ordered copies, so two specs that mean the same thing are equal and hash the same. */
final class Normalized {
    private Normalized() {}

    static SortedMap<String, String> sortedMap(Map<String, String> map) {
        return map == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    static <T> List<T> list(Collection<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <T> List<T> sortedList(Collection<T> values, Comparator<? super T> order) {
        if (values == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values);
        copy.sort(order);
        return List.copyOf(copy);
    }
}
