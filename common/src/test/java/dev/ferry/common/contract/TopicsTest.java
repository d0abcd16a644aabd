package dev.ferry.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Topic names and the rule that makes run and table names legal in them. */
class TopicsTest {

    /** What Kafka accepts in a topic name. */
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    @Test
    void fixedTopicsHaveTheirDesignNames() {
        assertThat(Topics.RUNS).isEqualTo("ferry.runs");
        assertThat(Topics.CONTROL).isEqualTo("ferry.control");
        assertThat(Topics.EXTRACT_TASKS).isEqualTo("ferry.tasks.extract");
        assertThat(Topics.EVENTS).isEqualTo("ferry.events");
    }

    @Test
    void legalNamesAreKeptAsTheyAre() {
        assertThat(Topics.data("7f3c2a", "accounts")).isEqualTo("ferry.data.7f3c2a.accounts");
        assertThat(Topics.data("run-1", "new_project")).isEqualTo("ferry.data.run-1.new_project");
        assertThat(Topics.deadLetters("run-1")).isEqualTo("ferry.dlq.run-1");
    }

    @Test
    void dataTopicsMatchTheLoadersPatternAndOtherTopicsDoNot() {
        assertThat(Topics.DATA_TOPIC_PATTERN.matcher(Topics.data("r", "accounts")).matches()).isTrue();
        assertThat(Topics.DATA_TOPIC_PATTERN.matcher(Topics.deadLetters("r")).matches()).isFalse();
        assertThat(Topics.DATA_TOPIC_PATTERN.matcher(Topics.EVENTS).matches()).isFalse();
        assertThat(Topics.DATA_TOPIC_PATTERN.matcher("ferry.database").matches()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("awkwardNames")
    void anyNameBecomesALegalTopicName(String name) {
        assertThat(Topics.data(name, name)).matches(LEGAL_TOPIC);
        assertThat(Topics.deadLetters(name)).matches(LEGAL_TOPIC);
    }

    static Stream<String> awkwardNames() {
        return Stream.of("a.b", "a b", "übung", "a/b\\c", "a:b", "x".repeat(400), "..", "_");
    }

    @Test
    void illegalCharactersAreReplacedAndTheOriginalHashedSoNamesDoNotCollide() {
        String dotted = Topics.data("r", "a.b");
        String dashed = Topics.data("r", "a-b");

        assertThat(dotted).matches("ferry\\.data\\.r\\.a-b-[0-9a-f]{8}");
        assertThat(dashed).isEqualTo("ferry.data.r.a-b");
        assertThat(dotted).isNotEqualTo(dashed);
    }

    @Test
    void theRunPartHasNoDotOrUnderscoreSoRunAndTableStaySeparable() {
        String topic = Topics.data("my_run.1", "new_project");

        String runPart = topic.substring(Topics.DATA_PREFIX.length(), topic.lastIndexOf('.'));
        assertThat(runPart).doesNotContain(".", "_").startsWith("my-run-1-");
        assertThat(topic).endsWith(".new_project");
    }

    @Test
    void longNamesAreCutAndStayDistinct() {
        String first = Topics.data("r".repeat(300), "t".repeat(300) + "1");
        String second = Topics.data("r".repeat(300), "t".repeat(300) + "2");

        assertThat(first).hasSizeLessThanOrEqualTo(Topics.MAX_TOPIC_LENGTH).isNotEqualTo(second);
    }

    @Test
    void theSameNamesAlwaysGiveTheSameTopic() {
        assertThat(Topics.data("run 1", "a.b")).isEqualTo(Topics.data("run 1", "a.b"));
    }

    @Test
    void refusesEmptyParts() {
        assertThatThrownBy(() -> Topics.data("", "accounts")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.data("r", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
