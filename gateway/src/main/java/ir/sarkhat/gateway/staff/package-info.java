/** Staff accounts in MongoDB: password hashing, the first admin at startup, and the admin API that creates accounts. */
package ir.sarkhat.gateway.staff;
