package ir.sarkhat.kit.events;

/** Kafka did not take an event; it stays in its document and is retried. */
public class OutboxRelayException extends RuntimeException {

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
