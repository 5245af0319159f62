package ir.sarkhat.wordpresscli;

/** Something the person running the command must fix; printed without a stack trace. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }
}
