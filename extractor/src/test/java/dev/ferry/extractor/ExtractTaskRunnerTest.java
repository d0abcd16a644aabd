package dev.ferry.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.odata.ODataException;
import dev.ferry.common.odata.UnknownEnvironmentException;
import java.util.Set;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class ExtractTaskRunnerTest {

    @Test
    void anUnavailableSourceOrKafkaIsWorthAnotherAttempt() {
        assertThat(ExtractTaskRunner.isRetriable(new ODataException("503", 503, null, true, null, null))).isTrue();
        assertThat(ExtractTaskRunner.isRetriable(
                new KafkaWriteException("no ack", new TimeoutException("expired")))).isTrue();
    }

    @Test
    void aWrongTaskOrARefusedRecordIsNot() {
        assertThat(ExtractTaskRunner.isRetriable(new ODataException("400", 400, "0x0", false, null, null))).isFalse();
        assertThat(ExtractTaskRunner.isRetriable(new UnknownEnvironmentException("x", Set.of()))).isFalse();
        assertThat(ExtractTaskRunner.isRetriable(new ExtractionException("no key"))).isFalse();
        assertThat(ExtractTaskRunner.isRetriable(
                new KafkaWriteException("too large", new RecordTooLargeException("1 MB")))).isFalse();
    }
}
