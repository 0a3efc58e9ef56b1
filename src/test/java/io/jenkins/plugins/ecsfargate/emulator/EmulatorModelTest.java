package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsfargate.emulator.LatencyModel.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorModelTest {

    private static List<Duration> samples(LatencyModel model) {
        List<Duration> result = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (Phase phase : Phase.values()) {
                result.add(model.sample(phase));
            }
        }
        return result;
    }

    @Test
    void latenciesRepeatWithTheSeedAndStayInTheMeasuredRanges() {
        assertThat(samples(new LatencyModel(42))).isEqualTo(samples(new LatencyModel(42)));
        assertThat(samples(new LatencyModel(42))).isNotEqualTo(samples(new LatencyModel(43)));

        LatencyModel model = new LatencyModel(7);
        for (int i = 0; i < 200; i++) {
            assertThat(model.sample(Phase.PROVISIONING)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(14));
            assertThat(model.sample(Phase.PULL)).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(60));
            assertThat(model.sample(Phase.START)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(20));
            assertThat(model.sample(Phase.DEPROVISION)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
            assertThat(model.sample(Phase.ACTIVATE)).isZero();
        }
    }

    @Test
    void timeScaleShrinksEveryPhase() {
        LatencyModel model = new LatencyModel(1).set(Phase.PULL, Latency.fixed(Duration.ofSeconds(10)));
        model.setTimeScale(0.1);

        assertThat(model.sample(Phase.PULL)).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> model.setTimeScale(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenBucketTakesAllOrNothingAndRefillsUpToTheBurst() {
        EmulatorClock clock = EmulatorClock.manual();
        TokenBucket bucket = new TokenBucket("launches", 100, 20, clock);

        assertThat(bucket.tryTake(60)).isTrue();
        assertThat(bucket.tryTake(60)).isFalse();
        assertThat(bucket.available()).isEqualTo(40.0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(60)).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(bucket.available()).isEqualTo(100.0);
        bucket.drain();
        assertThat(bucket.has(1)).isFalse();
    }

    @Test
    void manualClockOnlyMovesForward() {
        EmulatorClock clock = EmulatorClock.manual();
        List<String> seen = new ArrayList<>();
        clock.onAdvance(() -> seen.add(clock.instant().toString()));

        clock.advance(Duration.ofSeconds(3));

        assertThat(seen).containsExactly("2026-01-01T00:00:03Z");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorClock.system().advance(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fargateSizesFollowTheTable() {
        assertThat(FargateSizes.valid(256, 512)).isTrue();
        assertThat(FargateSizes.valid(256, 3072)).isFalse();
        assertThat(FargateSizes.valid(4096, 30720)).isTrue();
        assertThat(FargateSizes.valid(4096, 31744)).isFalse();
        assertThat(FargateSizes.valid(16384, 122880)).isTrue();
        assertThat(FargateSizes.valid(16384, 36864)).isFalse();
        assertThat(FargateSizes.cpuUnits("0.25 vCPU")).isEqualTo(256);
        assertThat(FargateSizes.memoryMiB("0.5GB")).isEqualTo(512);
    }

    @Test
    void strategySplitsBaseThenWeights() {
        List<Clusters.StrategyItem> strategy =
                List.of(new Clusters.StrategyItem("FARGATE", 1, 1), new Clusters.StrategyItem("FARGATE_SPOT", 4, 0));

        assertThat(RunTaskRules.providers(strategy, 6))
                .containsExactly("FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT");
    }
}
