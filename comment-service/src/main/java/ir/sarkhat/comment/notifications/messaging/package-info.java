/** Reads the service's own comment-events (consumer group comment-service-notifications) and hands them to the notifications. */
package ir.sarkhat.comment.notifications.messaging;
