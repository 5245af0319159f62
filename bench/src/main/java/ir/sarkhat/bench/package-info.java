/** Benchmarks run by bench/comments.sh; never part of the test run. */
package ir.sarkhat.bench;
