package io.jenkins.plugins.ecsfargate.engine.tracking;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands events to the listeners one at a time, in the order they were queued, whichever thread queued them: the
 * tracker's work may complete on several scheduler threads, and a task's events must not overtake each other.
 * Listeners run outside the tracker's lock, so they may call back into the tracker.
 */
final class EventOutbox {
    private static final Logger LOGGER = Logger.getLogger(EventOutbox.class.getName());

    private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<TaskEvent> queue = new ArrayDeque<>();
    private boolean draining;

    void addListener(TaskListener listener) {
        listeners.add(listener);
    }

    void removeListener(TaskListener listener) {
        listeners.remove(listener);
    }

    /** Queues {@code events} and delivers everything queued, unless another thread is delivering already. */
    void publish(Collection<TaskEvent> events) {
        synchronized (queue) {
            queue.addAll(events);
        }
        while (true) {
            TaskEvent next;
            synchronized (queue) {
                if (draining || queue.isEmpty()) {
                    return;
                }
                next = queue.poll();
                draining = true;
            }
            try {
                deliver(next);
            } finally {
                synchronized (queue) {
                    draining = false;
                }
            }
        }
    }

    /** WARNING for failures, INFO when a task runs or stops, FINE for the phases between. */
    private static void log(TaskEvent event) {
        String agent = event.handle().agentName();
        if (event.failure() != null) {
            LOGGER.log(Level.WARNING, "Agent {0}: {1}", new Object[] {
                agent, event.failure().describe()
            });
        } else if (event.phase() == TaskPhase.RUNNING) {
            LOGGER.log(Level.INFO, "Task of agent {0} running after {1}", new Object[] {
                agent,
                event.state().between(TaskPhase.REQUESTED, TaskPhase.RUNNING).orElse(null)
            });
        } else if (event.phase() == TaskPhase.STOPPED) {
            LOGGER.log(Level.INFO, "Task of agent {0} stopped ({1}: {2})", new Object[] {
                agent, event.state().stopCode(), event.state().stoppedReason()
            });
        } else {
            LOGGER.log(Level.FINE, "Task of agent {0} {1}", new Object[] {agent, event.phase()});
        }
    }

    private void deliver(TaskEvent event) {
        log(event);
        for (TaskListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOGGER.log(
                        Level.WARNING,
                        e,
                        () -> "A task listener failed on " + event.phase() + " of "
                                + event.handle().agentName() + "; the other listeners still get the event");
            }
        }
    }
}
