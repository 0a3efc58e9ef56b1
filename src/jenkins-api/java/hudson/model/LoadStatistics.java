// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import java.io.Serializable;

public abstract class LoadStatistics {
    protected LoadStatistics(int initialOnlineExecutors, int initialBusyExecutors) {}

    public LoadStatisticsSnapshot computeSnapshot() {
        return null;
    }

    /** Holds the counts Jenkins measured; the stand-in has no public way to make one. */
    public static class LoadStatisticsSnapshot implements Serializable {
        private static final long serialVersionUID = 1L;

        private LoadStatisticsSnapshot() {}

        public int getDefinedExecutors() {
            return 0;
        }

        public int getOnlineExecutors() {
            return 0;
        }

        public int getConnectingExecutors() {
            return 0;
        }

        public int getBusyExecutors() {
            return 0;
        }

        public int getIdleExecutors() {
            return 0;
        }

        public int getAvailableExecutors() {
            return 0;
        }

        public int getQueueLength() {
            return 0;
        }
    }
}
