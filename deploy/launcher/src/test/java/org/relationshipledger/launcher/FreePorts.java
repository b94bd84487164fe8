package org.relationshipledger.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for a launcher under test, so it never collides with a running {@code ./ledger up}. */
final class FreePorts {

    private FreePorts() {
    }

    static int one() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** The first of four consecutive free ports, one per service. */
    static int runOfFour() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = one();
            if (base + 3 <= 65535 && free(base + 1) && free(base + 2) && free(base + 3)) {
                return base;
            }
        }
        throw new IllegalStateException("no four consecutive free ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
