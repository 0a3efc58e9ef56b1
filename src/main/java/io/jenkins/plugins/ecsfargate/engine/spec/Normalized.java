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

    /** A sorted copy (empty for null); callers wrap it in {@code List.copyOf}. */
    static <T> List<T> sorted(Collection<T> values, Comparator<? super T> order) {
        List<T> copy = values == null ? new ArrayList<>() : new ArrayList<>(values);
        copy.sort(order);
        return copy;
    }
}
