/** The pages behind the signed links in notification mails: confirm with a GET, act with a POST. */
package ir.sarkhat.comment.notifications.web;
