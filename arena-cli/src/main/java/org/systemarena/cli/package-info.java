/** The {@code arena} command line. */
package org.systemarena.cli;
