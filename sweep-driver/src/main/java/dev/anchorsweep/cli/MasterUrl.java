package dev.anchorsweep.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grammar of a Spark master URL, checked before Spark starts so that a typo is one line, not a stack trace. */
final class MasterUrl {

    static final String VALID = "local, local[*], local[N], local[N,F], local-cluster[N,C,M], "
            + "spark://HOST:PORT[,HOST:PORT…], yarn or k8s://[https://]HOST[:PORT]";

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:\\s*,\\s*(\\d+))?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");
    private static final Pattern HOST_PORT = Pattern.compile("(?:[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]):(\\d{1,5})");
    private static final Pattern K8S = Pattern.compile("k8s://(?:https?://)?(?:[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+])(?::\\d{1,5})?(?:/\\S*)?");

    private MasterUrl() {
    }

    /** @throws BadArgument naming {@code option}, the URL and what is valid, when {@code url} is not a master URL */
    static String require(String option, String url) {
        String why = problem(url.trim());
        if (why != null) throw new BadArgument(option + " " + url + ": " + why + " (valid: " + VALID + ")");
        if (url.trim().startsWith("spark://")) requireAnswering(option, url.trim());
        return url.trim();
    }

    /**
     * A standalone master that no host of the URL answers (unknown host, nothing listening) is one line here: Spark
     * itself retries for a minute and then fails with pages of stack traces.
     */
    private static void requireAnswering(String option, String url) {
        List<String> problems = new ArrayList<>();
        for (String hostPort : url.substring("spark://".length()).split(",")) {
            int colon = hostPort.trim().lastIndexOf(':');
            String host = hostPort.trim().substring(0, colon).replaceAll("^\\[|]$", "");
            int port = Integer.parseInt(hostPort.trim().substring(colon + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 5_000);
                return;
            } catch (UnknownHostException e) {
                problems.add(hostPort.trim() + ": unknown host");
            } catch (IOException e) {
                problems.add(hostPort.trim() + ": " + e.getMessage());
            }
        }
        throw new BadArgument(option + " " + url + ": no master answers (" + String.join("; ", problems)
                + "); start it (deploy/standalone/start) or give its HOST:PORT");
    }

    /** What is wrong with {@code url}, or null when it is a master URL. */
    static String problem(String url) {
        Matcher local = LOCAL.matcher(url);
        if (local.matches()) {
            if (local.group(1) != null && !local.group(1).equals("*") && !positive(local.group(1))) {
                return "local[N] needs N ≥ 1 threads, but got " + local.group(1);
            }
            if (local.group(2) != null && !positive(local.group(2))) {
                return "local[N,F] needs F ≥ 1 attempts per task, but got " + local.group(2);
            }
            return null;
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(url);
        if (cluster.matches()) {
            for (int i = 1; i <= 3; i++) {
                if (!positive(cluster.group(i))) {
                    return "local-cluster[N,C,M] needs workers N, cores C and memory M (MiB) ≥ 1, but got "
                            + cluster.group(i);
                }
            }
            return null;
        }
        if (url.startsWith("spark://")) {
            String hosts = url.substring("spark://".length());
            if (hosts.isEmpty()) return "spark:// needs HOST:PORT";
            for (String hostPort : hosts.split(",", -1)) {
                Matcher m = HOST_PORT.matcher(hostPort.trim());
                if (!m.matches()) return "'" + hostPort + "' is not HOST:PORT";
                int port = Integer.parseInt(m.group(2));
                if (port < 1 || port > 65535) return "port " + port + " is not in 1..65535";
            }
            return null;
        }
        if (url.equals("yarn") || K8S.matcher(url).matches()) return null;
        if (url.startsWith("local")) return "not a local master URL";
        return "not a Spark master URL";
    }

    private static boolean positive(String digits) {
        return digits.length() <= 9 && Integer.parseInt(digits) >= 1;
    }
}
