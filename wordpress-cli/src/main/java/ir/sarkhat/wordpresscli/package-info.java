/** The WordPress migration as one command: import a WXR file through the gateway with progress, or export. */
package ir.sarkhat.wordpresscli;
