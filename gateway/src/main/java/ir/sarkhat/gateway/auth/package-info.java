/** Staff login: checks a username and password and answers with an access token. */
package ir.sarkhat.gateway.auth;
