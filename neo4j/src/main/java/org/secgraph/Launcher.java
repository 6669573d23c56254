// Embedded default database: starts the real Neo4j Community engine with Bolt on 127.0.0.1.
package org.secgraph;

import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Usage: java -Xmx512m -cp ... org.secgraph.Launcher DATA_DIR PORT [PAGECACHE_MB]
 * Prints one line "NEO4J_READY bolt://127.0.0.1:PORT" when Bolt accepts connections and
 * shuts down cleanly on SIGTERM/SIGINT (the JVM's shutdown hook). Exits when stdin closes,
 * so a parent that dies without cleaning up never leaves this JVM behind.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher DATA_DIR PORT [PAGECACHE_MB]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        // 512 MiB suits a laptop and is plenty for the seed graph; the default would be half the RAM.
        long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 512;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                .build();

        Thread shutdown = new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            dbms.shutdown();
            System.out.println("NEO4J_STOPPED");
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();

        // The parent holds our stdin open; EOF means it is gone, so stop (runs the hook).
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) { /* ignore input */ }
            } catch (Exception ignored) { /* treat as EOF */ }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Thread.currentThread().join();
    }
}
