package org.relationshipledger.contracts;

/**
 * The envelope every record carries: CloudEvents 1.0 in Kafka binary mode. Standard attributes travel
 * as {@code ce_id}, {@code ce_source}, {@code ce_type} (the wire name), {@code ce_time} (recorded at),
 * {@code ce_subject} (the account id) and {@code content-type}; what CloudEvents lacks travels as the
 * extension attributes below, i.e. headers {@code ce_<name>}. The payload is the event record as JSON.
 */
public final class EnvelopeAttributes {

    /** Header prefix of CloudEvents attributes in Kafka binary mode. */
    public static final String HEADER_PREFIX = "ce_";

    /** Revision of the wire name in {@code ce_type}. */
    public static final String REVISION = "ledgerrevision";
    /** Id of the event-sourced stream (aggregate) that recorded the event. */
    public static final String STREAM_ID = "ledgerstream";
    /** Type of that stream, e.g. {@code Account}. */
    public static final String STREAM_TYPE = "ledgerstreamtype";
    /** Zero-based position of the event in its stream; consumers dedupe on (stream, sequence). */
    public static final String SEQUENCE = "ledgerseq";
    /** Account the event belongs to (also the record key). */
    public static final String ACCOUNT_ID = "ledgeraccount";
    /** Tenant that owns the account. */
    public static final String TENANT_ID = "ledgertenant";
    /** Correlation id of the request that caused the event. */
    public static final String CORRELATION_ID = "ledgercorrelation";
    /** Hex SHA-256 chain value of the stored event (hash of the previous value plus the stored bytes). */
    public static final String HASH = "ledgerhash";
    /** Chain value of the previous event in the same stream; 64 zeros for the first. */
    public static final String PREVIOUS_HASH = "ledgerprevhash";

    private EnvelopeAttributes() {
    }
}
