/** The gateway's own staff pages: the sign-in page the staff pages share, and the staff management page for admins. */
package ir.sarkhat.gateway.pages;
