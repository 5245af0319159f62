/** Runs the whole platform locally: the launcher ({@link ir.sarkhat.localstack.LocalStack}) and the {@link ir.sarkhat.localstack.Stack} API that tests use. */
package ir.sarkhat.localstack;
