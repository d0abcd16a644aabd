package dev.ferry.extractor;

import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.MalformedMessageException;
import dev.ferry.common.contract.Messages;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes extract tasks from {@value dev.ferry.common.contract.Topics#EXTRACT_TASKS} (consumer
 * group {@code ferry-extractor}) and runs them on the {@code extract-tasks} worker pool, up to
 * {@code ferry.extractor.max-concurrent-tasks} at once, in any order.
 *
 * <p>A task is acknowledged when this method returns: once it completed, or failed for good and
 * its failure event was sent. The channel's throttled commit strategy commits only offsets below
 * every unfinished task, so a task running when the extractor dies is handed out again.
 */
@ApplicationScoped
public class ExtractTaskConsumer {

    static final String CHANNEL = "extract-tasks";
    private static final Logger LOG = Logger.getLogger(ExtractTaskConsumer.class);

    private final ExtractTaskRunner runner;

    @Inject
    public ExtractTaskConsumer(ExtractTaskRunner runner) {
        this.runner = runner;
    }

    @Incoming(CHANNEL)
    @Blocking(value = CHANNEL, ordered = false)
    public void onTask(ConsumerRecord<String, byte[]> record) {
        ExtractTask task;
        try {
            if (record.value() == null) {
                throw new MalformedMessageException("Not an ExtractTask: the message has no value", null);
            }
            task = Messages.fromBytes(record.value(), ExtractTask.class);
        } catch (MalformedMessageException e) {
            // Nothing to report it to (there may be no run id): log and move on, so that a poison
            // message never blocks the tasks behind it.
            LOG.errorf("Skipping the extract task at %s-%d offset %d (key %s): %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            return;
        }
        runner.run(task);
    }
}
