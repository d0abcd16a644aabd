package dev.ferry.testkit;

import java.nio.file.Path;
import java.util.Properties;

/** The server.properties of a single combined (broker + controller) KRaft node for local use. */
final class BrokerProperties {

    static final String HOST = "127.0.0.1";
    static final int NODE_ID = 1;

    private BrokerProperties() {
    }

    static Properties of(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // A static quorum: the controller's address lives in this configuration, not in the
        // metadata log, so the controller port may change between restarts on the same data dir.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toAbsolutePath().toString());

        // One node: every internal topic must be satisfiable by a single replica, or the group,
        // transaction and share coordinators never come up.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");

        // Internal topics are created on first use; 50 partitions each (the default) make the
        // first consumer group or transaction wait for 50 leaders to load.
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");

        // A group's first member gets its partitions at once instead of after 3 s.
        p.setProperty("group.initial.rebalance.delay.ms", "0");

        // The log cleaner (compacted topics) preallocates 128 MiB by default; a local broker
        // embedded in every test JVM does not need that much.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return p;
    }
}
