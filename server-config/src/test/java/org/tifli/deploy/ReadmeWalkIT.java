package org.tifli.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's walk through the slice, run as written: its first terminal's command starts the
 * stand-in Graph API from its source file, Tifli starts on a fresh data directory pointed at it,
 * and the third terminal's shell block runs with bash and curl. Only the ports change, to free
 * ones. A README whose commands no longer work fails this test.
 */
class ReadmeWalkIT {

  private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theCurlWalkThroughOfTheReadmeWorksAsWritten() throws Exception {
    Path top = MicroServer.serverConfig().toAbsolutePath().getParent();
    String readme = Files.readString(top.resolve("README.md"));
    String fakeCommand = blockAfter(readme, "In one terminal:").strip();
    String walk = blockAfter(readme, "In a third, once Tifli says it is ready:");
    assertThat(fakeCommand).contains("FakeGraphApi.java 9911");
    assertThat(walk).contains("http://localhost:8080/tifli/api/v1");

    int graphPort = freePort();
    Path fakeLog = MicroServer.build().resolve("readme-walk-graph.log");
    Process fake =
        new ProcessBuilder("bash", "-c", "exec " + fakeCommand.replace("9911", "" + graphPort))
            .directory(top.toFile())
            .redirectErrorStream(true)
            .redirectOutput(fakeLog.toFile())
            .start();
    try {
      awaitLine(fakeLog, "Fake Graph API at", fake);
      Path data = MicroServer.freshDirectory("readme-walk-it");
      String graph = "-Dtifli.platform.facebook.base-url=http://127.0.0.1:" + graphPort;
      try (MicroServer tifli = MicroServer.start(data, graph)) {
        String script = walk.replace("http://localhost:8080/tifli", tifli.appUrl());

        String output = bash(top, "set -euo pipefail\n" + script);

        List<String> answers =
            output.lines().filter(l -> l.startsWith("{") || l.startsWith("[")).toList();
        assertThat(answers).as("one JSON answer per curl call: %s", output).hasSize(8);
        assertThat(answers.get(0)).contains("\"area\":\"MA-CAS\"").doesNotContain("PAGE-ACCESS");
        assertThat(answers.get(1))
            .contains("\"reference\":\"MC-")
            .contains("\"status\":\"OPEN\"")
            .contains("\"MA-CAS\"", "\"MA-06\"");
        assertThat(answers.get(2)).contains("\"status\":\"PENDING_APPROVAL\"");
        assertThat(answers.get(3)).contains("\"status\":\"ACTIVE\"");
        assertThat(answers.get(5)).contains("\"id\":1");
        assertThat(answers.get(6)).contains("a girl in a red coat");
        assertThat(answers.get(7)).contains("\"status\":\"RELEVANT\"");

        // A person types the next command a moment after approving; the test asks until then.
        String alertCall = lineOf(script, "curl -s $api/alerts/1 ");
        String alert = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!alert.contains("\"status\":\"SENT\"") && System.nanoTime() < deadline) {
          Thread.sleep(500);
          alert = bash(top, script.substring(0, script.indexOf("# A channel")) + alertCall);
        }
        assertThat(alert).contains("\"status\":\"SENT\"").contains("\"externalId\":\"1234567890_");
        awaitLine(fakeLog, "Post to page 1234567890", fake);
      }
    } finally {
      fake.destroy();
      fake.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String blockAfter(String readme, String lead) {
    int at = readme.indexOf(lead);
    assertThat(at).as("the README says: %s", lead).isNotNegative();
    Matcher block = SHELL_BLOCK.matcher(readme);
    assertThat(block.find(at)).as("a shell block after: %s", lead).isTrue();
    return block.group(1);
  }

  private static String lineOf(String script, String start) {
    return script
        .lines()
        .filter(l -> l.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the walk has no line starting " + start));
  }

  /** Runs the script as a person would, but with each curl answer ending its line. */
  private static String bash(Path dir, String script) throws IOException, InterruptedException {
    Path curlHome = MicroServer.build().resolve("readme-walk-curl");
    Files.createDirectories(curlHome);
    Files.writeString(curlHome.resolve(".curlrc"), "write-out = \"\\n\"\n");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().put("CURL_HOME", curlHome.toAbsolutePath().toString());
    Process shell = builder.start();
    byte[] output = shell.getInputStream().readAllBytes();
    assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, UTF_8);
    assertThat(shell.exitValue()).as("the walk failed: %s", text).isZero();
    return text;
  }

  private static void awaitLine(Path log, String text, Process process) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      assertThat(process.isAlive()).as("the stand-in stopped: %s", Files.readString(log)).isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("no line with '" + text + "' in " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
