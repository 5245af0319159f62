/** HTTP plumbing shared by the services: request size limits and the problem advice's registration. */
package ir.sarkhat.kit.web;
