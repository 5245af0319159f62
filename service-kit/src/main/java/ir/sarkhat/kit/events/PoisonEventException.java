package ir.sarkhat.kit.events;

/** An event that can never be processed (unparseable, missing required fields): dead-lettered at once, not retried. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
