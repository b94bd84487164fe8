package org.relationshipledger.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One service alone in a JVM of its own, on the benchmark's class path, so the CPU time and resident memory the
 * kernel keeps for that process are the service's alone: the servers it talks to and the client that drives it run
 * elsewhere. Its output goes to a log file, whose tail is in every failure.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path PROC = Path.of("/proc");
    private static volatile long clockTicks;

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code mainClass} with the Spring arguments plus {@code --server.port} of a free loopback port. */
    static ServiceProcess start(String name, String mainClass, List<String> jvmOptions, List<String> arguments,
                                Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // The bench JVM's own options (-Xmx8g, a JFR recording) must not leak into the service's.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return new ServiceProcess(name, builder.start(), log, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** Until {@code /actuator/health} answers 200; a process that exits meanwhile fails with its log's tail. */
    void awaitReady(ServiceClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; " + tail());
            }
            try {
                HttpResponse<byte[]> health = client.exchange("GET", "/actuator/health", null);
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start; keep asking
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not healthy within " + timeout + "; " + tail());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    /** User plus system CPU time of the whole process since it started ({@code /proc/<pid>/stat}). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(PROC.resolve(process.pid() + "/stat"));
        // The command name in parentheses may hold spaces; fields count from the state after it (field 3).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[14 - 3]);
        long stime = Long.parseLong(fields[15 - 3]);
        return (utime + stime) / (double) clockTicks();
    }

    /** Resident memory now ({@code VmRSS}), in MiB. */
    double residentMegabytes() throws IOException {
        return status("VmRSS:");
    }

    /** The most resident memory the process ever had ({@code VmHWM}), in MiB. */
    double peakResidentMegabytes() throws IOException {
        return status("VmHWM:");
    }

    private double status(String field) throws IOException {
        for (String line : Files.readAllLines(PROC.resolve(process.pid() + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}), the unit of {@code /proc/<pid>/stat}'s times. */
    private static long clockTicks() throws IOException {
        if (clockTicks == 0) {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            try {
                String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (getconf.waitFor() != 0 || !answer.matches("[0-9]+")) {
                    throw new IllegalStateException("getconf CLK_TCK answered " + answer);
                }
                clockTicks = Long.parseLong(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return clockTicks;
    }

    private String tail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return "its log " + log + " ends: "
                    + (text.length() > 3_000 ? text.substring(text.length() - 3_000) : text);
        } catch (IOException e) {
            return "its log " + log + " is unreadable: " + e.getMessage();
        }
    }

    /** SIGTERM, then SIGKILL if it has not gone within 20 seconds. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " still alive 30 s after SIGKILL");
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
