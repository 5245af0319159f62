/** The chassis shared by Sarkhat's servlet services; each sub-package is one cross-cutting concern. */
package ir.sarkhat.kit;
