package org.relationshipledger.testkit;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.MongoServer;

/** A running in-process MongoDB-wire server; {@link #close()} disconnects clients and releases the backend. */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    InProcessMongo(MongoServer server) {
        this.server = server;
        this.address = server.getLocalAddress();
    }

    /** A connection string without a database, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String uri() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // shutdown() alone would wait for connected clients, and a shared client never disconnects by itself.
            server.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "InProcessMongo[" + uri() + "]";
    }
}
