/**
 * Code export: an architecture written as a PyTorch script or a DL4J Java class that builds the same net.
 * Plain Java that reads the model and writes text; nothing here loads PyTorch or DL4J.
 */
package org.ninexplorer.export;
