package org.ninexplorer.cli;

/** A command-line mistake to report in one line, exiting with status 2. */
public class UsageProblem extends RuntimeException {

    public UsageProblem(String message) {
        super(message);
    }
}
