package io.jenkins.plugins.ecsfargate.engine.taskdef;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Runs asynchronous steps one after another, so a list of AWS calls never bursts past the rate limiter's order. */
final class Futures {
    private Futures() {}

    static <T, R> CompletableFuture<List<R>> sequentially(List<T> items, Function<T, CompletableFuture<R>> step) {
        CompletableFuture<List<R>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (T item : items) {
            chain = chain.thenCompose(done -> step.apply(item).thenApply(result -> {
                done.add(result);
                return done;
            }));
        }
        return chain;
    }
}
