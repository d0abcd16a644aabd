package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jars as a user starts them: separate JVMs, configured only by their command lines. */
class PackagedProgramsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void kafkaJarServesClientsAndKeepsCommittedDataAcrossRestart() throws Exception {
        Path jar = LaunchedProcess.root().resolve("testkit/target/ferry-kafka.jar");
        Path dataDir = work.resolve("kafka-data");
        int port = freePort();
        String topic = "ferry.e2e.restart";
        String group = "e2e-group";

        String bootstrap;
        try (LaunchedProcess broker = LaunchedProcess.javaJar(jar, work, "kafka-1",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString())) {
            bootstrap = broker.awaitLine("ready at (\\S+)");
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
                }
            }
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap, group)) {
                assertThat(pollValues(consumer, 4)).hasSize(4).startsWith("v0");
                consumer.commitSync();
            }
            assertThat(broker.stop()).as("exit code after SIGTERM").isIn(0, 143);
        }

        try (LaunchedProcess broker = LaunchedProcess.javaJar(jar, work, "kafka-2",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString())) {
            bootstrap = broker.awaitLine("ready at (\\S+)");
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap, group)) {
                List<String> rest = pollValues(consumer, 6);
                assertThat(rest).as("records after the committed offset, nothing before it")
                        .hasSize(6).first().isEqualTo("v4");
            }
            assertThat(broker.stop()).isIn(0, 143);
        }
    }

    @Test
    void emulatorJarServesSeededDataOverTheWebApi() throws Exception {
        Path jar = LaunchedProcess.root().resolve("emulator/target/ferry-emulator.jar");
        int port = freePort();
        try (LaunchedProcess emulator = LaunchedProcess.javaJar(jar, work, "emulator",
                "--port", String.valueOf(port), "--seed", "systemuser=5,team=2,account=120,contact=80")) {
            String baseUrl = emulator.awaitLine("ready at (\\S+)");
            assertThat(baseUrl).isEqualTo("http://127.0.0.1:" + port + "/api/data/v9.2/");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> metadata = get(http, baseUrl + "$metadata", Map.of());
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.body()).contains("EntitySet Name=\"accounts\"");

            HttpResponse<String> page = get(http, baseUrl + "accounts?$select=name",
                    Map.of("Prefer", "odata.maxpagesize=100"));
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            assertThat(body.get("value")).hasSize(100);
            assertThat(body.get("@odata.nextLink").asText()).startsWith(baseUrl + "accounts?");

            HttpResponse<String> counts = get(http, "http://127.0.0.1:" + port + "/_emulator/tables", Map.of());
            assertThat(counts.body()).contains("\"account\"").contains("120");
            assertThat(emulator.stop()).isIn(0, 143);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of("ferry.e2e.restart"));
        return c;
    }

    /** Polls until {@code n} values arrived (one per poll, so the committed position is exact). */
    private static List<String> pollValues(KafkaConsumer<String, String> consumer, int n) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (values.size() < n && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                values.add(r.value());
            }
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
