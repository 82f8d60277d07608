package org.tifli.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.broker.BrokerService;

/**
 * A stand-alone ActiveMQ broker in a process of its own, as a production installation would run it
 * beside the application servers. {@link #main} is that process; {@link #start} launches it.
 */
final class ExternalBroker implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dataDir;
  private final Path log;

  private ExternalBroker(Process process, int port, Path dataDir, Path log) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.log = log;
  }

  /** Starts a broker process listening on a free loopback port, journaling in {@code dataDir}. */
  static ExternalBroker start(Path dataDir, Path log) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return start(dataDir, log, port);
  }

  /**
   * The same broker started again after {@link #close}: the same port and journal, as an
   * installation's broker comes back after a restart.
   */
  ExternalBroker startAgain() throws IOException, InterruptedException {
    return start(dataDir, log, port);
  }

  private static ExternalBroker start(Path dataDir, Path log, int port)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ExternalBroker.class.getName(),
                Integer.toString(port),
                dataDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (var probe = new java.net.Socket("127.0.0.1", port)) {
        return new ExternalBroker(process, port, dataDir, log);
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    process.destroyForcibly();
    throw new IOException("the broker did not start; see " + log);
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The broker process: port and data directory as arguments; runs until it is stopped. */
  public static void main(String[] args) throws Exception {
    BrokerService broker = new BrokerService();
    broker.setBrokerName("tifli-external");
    broker.setUseJmx(false);
    broker.setPersistent(true);
    broker.setDataDirectory(args[1]);
    broker.addConnector("tcp://127.0.0.1:" + args[0]);
    broker.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(broker)));
    broker.waitUntilStopped();
  }

  private static void stopQuietly(BrokerService broker) {
    try {
      broker.stop();
    } catch (Exception e) {
      // The process is ending anyway.
    }
  }
}
