package io.jenkins.plugins.ecsfargate.engine.spec;

/**
 * The task cpu/memory pairs Fargate accepts; anything else fails registration with ClientException. Windows tasks
 * take the 1, 2 and 4 vCPU sizes only.
 */
public final class FargateSizes {
    private FargateSizes() {}

    /** Whether {@code cpu} is one of Fargate's task sizes in CPU units. */
    public static boolean isValidCpu(int cpu) {
        return switch (cpu) {
            case 256, 512, 1024, 2048, 4096, 8192, 16384 -> true;
            default -> false;
        };
    }

    /** Whether {@code cpu} is one of Fargate's task sizes for {@code os}. */
    public static boolean isValidCpu(OperatingSystemFamily os, int cpu) {
        return os.isWindows() ? cpu == 1024 || cpu == 2048 || cpu == 4096 : isValidCpu(cpu);
    }

    /** The CPU sizes of {@code os}, for messages that tell the user what to pick. */
    public static String describeValidCpu(OperatingSystemFamily os) {
        return os.isWindows() ? "1024, 2048 or 4096 (Windows)" : "256, 512, 1024, 2048, 4096, 8192 or 16384";
    }

    /** Whether Fargate runs a Linux task with {@code cpu} units and {@code memory} MiB. */
    public static boolean isValid(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> memory >= 1024 && memory <= 4096 && memory % 1024 == 0;
            case 1024 -> inSteps(memory, 2048, 8192, 1024);
            case 2048 -> inSteps(memory, 4096, 16384, 1024);
            case 4096 -> inSteps(memory, 8192, 30720, 1024);
            case 8192 -> inSteps(memory, 16384, 61440, 4096);
            case 16384 -> inSteps(memory, 32768, 122880, 8192);
            default -> false;
        };
    }

    /** A short statement of the valid memory range for {@code cpu}, for messages that tell the user what to pick. */
    public static String describeValidMemory(int cpu) {
        return switch (cpu) {
            case 256 -> "512, 1024 or 2048 MiB";
            case 512 -> "1024 to 4096 MiB in steps of 1024";
            case 1024 -> "2048 to 8192 MiB in steps of 1024";
            case 2048 -> "4096 to 16384 MiB in steps of 1024";
            case 4096 -> "8192 to 30720 MiB in steps of 1024";
            case 8192 -> "16384 to 61440 MiB in steps of 4096";
            case 16384 -> "32768 to 122880 MiB in steps of 8192";
            default -> "none: cpu must be 256, 512, 1024, 2048, 4096, 8192 or 16384";
        };
    }

    private static boolean inSteps(int value, int min, int max, int step) {
        return value >= min && value <= max && (value - min) % step == 0;
    }
}
