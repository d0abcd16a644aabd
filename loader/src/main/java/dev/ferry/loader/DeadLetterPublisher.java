package dev.ferry.loader;

import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/** Writes rejected records to {@code ferry.dlq.<run>} and waits until the broker has them. */
public interface DeadLetterPublisher {

    /**
     * Publishes the dead letters and waits for the broker's acknowledgement of each.
     *
     * @return the ones that could not be published (to be tried again later); empty when all are durable
     */
    List<DeadLetter> publish(List<DeadLetter> deadLetters);

    /** A publisher over a Kafka producer (acks=all): the record key is the record id. */
    static DeadLetterPublisher of(Producer<String, byte[]> producer) {
        Logger log = Logger.getLogger(DeadLetterPublisher.class);
        return deadLetters -> {
            List<Future<?>> sent = new ArrayList<>(deadLetters.size());
            for (DeadLetter deadLetter : deadLetters) {
                sent.add(producer.send(new ProducerRecord<>(Topics.deadLetters(deadLetter.runId()),
                        deadLetter.recordId(), Messages.toBytes(deadLetter))));
            }
            List<DeadLetter> failed = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                DeadLetter deadLetter = deadLetters.get(i);
                try {
                    sent.get(i).get();
                } catch (ExecutionException e) {
                    log.warnf(e.getCause(), "Could not write the dead letter of record %s of %s/%s to %s;"
                                    + " it will be tried again", deadLetter.recordId(), deadLetter.runId(),
                            deadLetter.table(), Topics.deadLetters(deadLetter.runId()));
                    failed.add(deadLetter);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.addAll(deadLetters.subList(i, deadLetters.size()));
                    break;
                }
            }
            return failed;
        };
    }
}
