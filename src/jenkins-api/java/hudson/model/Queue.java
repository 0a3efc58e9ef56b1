// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.SubTask;
import java.util.Calendar;
import java.util.List;
import jenkins.model.Jenkins;

/** An empty queue: items are never scheduled here; an item stores its task and what it was created from. */
public class Queue extends ResourceController implements Saveable {
    private Queue() {}

    /** Needs a running Jenkins, as the real one does. */
    public static Queue getInstance() {
        return Jenkins.get().getQueue();
    }

    @Override
    public void save() {}

    public boolean cancel(Task p) {
        return false;
    }

    public boolean cancel(Item item) {
        return false;
    }

    public Item[] getItems() {
        return new Item[0];
    }

    public Item getItem(long id) {
        return null;
    }

    public List<BuildableItem> getBuildableItems() {
        return List.of();
    }

    public int countBuildableItemsFor(Label l) {
        return 0;
    }

    public void maintain() {}

    public static void withLock(Runnable runnable) {
        runnable.run();
    }

    public interface Task extends ModelObject, SubTask {
        String getName();

        String getUrl();
    }

    public interface Executable extends Runnable {
        SubTask getParent();
    }

    public abstract static class Item extends Actionable {
        public final Task task;
        private final long id;

        protected Item(Item item) {
            this.task = item.task;
            this.id = item.id;
        }

        Item(Task task, long id) {
            this.task = task;
            this.id = id;
        }

        public long getId() {
            return id;
        }

        public Task getTask() {
            return task;
        }

        public boolean isBlocked() {
            return false;
        }

        public boolean isBuildable() {
            return false;
        }

        public long getInQueueSince() {
            return 0;
        }

        public Label getAssignedLabel() {
            return task == null ? null : task.getAssignedLabel();
        }

        public abstract CauseOfBlockage getCauseOfBlockage();

        @Override
        public String getDisplayName() {
            return task == null ? null : task.getDisplayName();
        }
    }

    public static final class WaitingItem extends Item implements Comparable<WaitingItem> {
        public Calendar timestamp;

        public WaitingItem(Calendar timestamp, Task project, List<Action> actions) {
            super(project, 0);
            this.timestamp = timestamp;
        }

        @Override
        public int compareTo(WaitingItem that) {
            return timestamp.compareTo(that.timestamp);
        }

        @Override
        public CauseOfBlockage getCauseOfBlockage() {
            return null;
        }
    }

    public abstract static class NotWaitingItem extends Item {
        public final long buildableStartMilliseconds;

        protected NotWaitingItem(WaitingItem wi) {
            super(wi);
            this.buildableStartMilliseconds = 0;
        }

        protected NotWaitingItem(NotWaitingItem ni) {
            super(ni);
            this.buildableStartMilliseconds = ni.buildableStartMilliseconds;
        }
    }

    /** An inner class in Jenkins, whose public constructors differ between the supported lines. */
    public final class BlockedItem extends NotWaitingItem {
        private BlockedItem(NotWaitingItem ni) {
            super(ni);
        }

        @Override
        public CauseOfBlockage getCauseOfBlockage() {
            return null;
        }
    }

    public static final class BuildableItem extends NotWaitingItem {
        public BuildableItem(WaitingItem wi) {
            super(wi);
        }

        public BuildableItem(NotWaitingItem ni) {
            super(ni);
        }

        @Override
        public CauseOfBlockage getCauseOfBlockage() {
            return null;
        }

        @Override
        public boolean isBuildable() {
            return true;
        }

        public boolean isPending() {
            return false;
        }
    }

    public static final class LeftItem extends Item {
        public LeftItem(Item enteredState) {
            super(enteredState);
        }

        @Override
        public CauseOfBlockage getCauseOfBlockage() {
            return null;
        }

        public boolean isCancelled() {
            return false;
        }
    }
}
