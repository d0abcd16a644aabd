package dev.ferry.coordinator.run;

import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which data topics may go: those of runs that finished (succeeded, failed or were cancelled)
 * longer than the retention ago. A running run's topics are never chosen, however old the run.
 */
final class ExpiredDataTopics {

    private ExpiredDataTopics() {
    }

    /**
     * @param runs      every run the coordinator knows
     * @param topics    the broker's topic names
     * @param now       the time to judge by
     * @param retention how long a finished run's data topics are kept
     * @return the topics to delete, by run id
     */
    static Map<String, Set<String>> of(Collection<RunState> runs, Collection<String> topics, Instant now,
            Duration retention) {
        Map<String, Set<String>> expired = new TreeMap<>();
        for (RunState run : runs) {
            if (run.finishedAt() == null || run.finishedAt().plus(retention).isAfter(now)) {
                continue;
            }
            String prefix = Topics.dataPrefix(run.runId());
            Set<String> ofRun = new TreeSet<>();
            for (String topic : topics) {
                if (topic.startsWith(prefix)) {
                    ofRun.add(topic);
                }
            }
            if (!ofRun.isEmpty()) {
                expired.put(run.runId(), ofRun);
            }
        }
        return expired;
    }
}
