package io.jenkins.plugins.ecsfargate.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fargate's task sizes: the valid (cpu units, memory MiB) pairs, and the unit forms ECS accepts on registration
 * ({@code "1 vCPU"}, {@code "2GB"}), which it stores as integers in strings.
 */
final class FargateSizes {
    private static final Pattern VCPU = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*vcpu\\s*");
    private static final Pattern GB = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*gb\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d+)\\s*(?i:mb)?\\s*");

    private FargateSizes() {}

    /** CPU units from {@code "1024"} or {@code "1 vCPU"}. */
    static int cpuUnits(String value) {
        Matcher vcpu = VCPU.matcher(value);
        if (vcpu.matches()) {
            return (int) Math.round(Double.parseDouble(vcpu.group(1)) * 1024);
        }
        Matcher number = NUMBER.matcher(value);
        if (number.matches()) {
            return Integer.parseInt(number.group(1));
        }
        throw EcsApiError.client("Invalid 'cpu' setting for task. For more information, see the Troubleshooting"
                + " section of the Amazon ECS Developer Guide.");
    }

    /** Memory MiB from {@code "2048"} or {@code "2GB"}. */
    static int memoryMiB(String value) {
        Matcher gb = GB.matcher(value);
        if (gb.matches()) {
            return (int) Math.round(Double.parseDouble(gb.group(1)) * 1024);
        }
        Matcher number = NUMBER.matcher(value);
        if (number.matches()) {
            return Integer.parseInt(number.group(1));
        }
        throw EcsApiError.client("Invalid 'memory' setting for task. For more information, see the Troubleshooting"
                + " section of the Amazon ECS Developer Guide.");
    }

    /** Whether Fargate (Linux) runs a task of this size. */
    static boolean valid(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> memory >= 1024 && memory <= 4096 && memory % 1024 == 0;
            case 1024 -> memory >= 2048 && memory <= 8192 && memory % 1024 == 0;
            case 2048 -> memory >= 4096 && memory <= 16384 && memory % 1024 == 0;
            case 4096 -> memory >= 8192 && memory <= 30720 && memory % 1024 == 0;
            case 8192 -> memory >= 16384 && memory <= 61440 && memory % 4096 == 0;
            case 16384 -> memory >= 32768 && memory <= 122880 && memory % 8192 == 0;
            default -> false;
        };
    }

    /** Whether Fargate runs a Windows task of this size: as Linux, but only at 1, 2 or 4 vCPU. */
    static boolean validForWindows(int cpu, int memory) {
        return (cpu == 1024 || cpu == 2048 || cpu == 4096) && valid(cpu, memory);
    }

    /** Rejects a size Fargate has no configuration for (on Windows when {@code windows}), with ECS's code. */
    static void requireValid(int cpu, int memory, boolean windows) {
        if (windows ? !validForWindows(cpu, memory) : !valid(cpu, memory)) {
            throw EcsApiError.client(String.format(
                    Locale.ROOT,
                    "No Fargate configuration exists for given values: %d CPU, %d memory. See the Amazon ECS"
                            + " documentation for the valid values.",
                    cpu,
                    memory));
        }
    }
}
