package org.ninexplorer.model;

import java.util.List;

/**
 * The result of shape inference: one report per top-level layer followed by one for the class
 * scores, plus diagnostics that belong to the architecture as a whole.
 */
public record Analysis(Architecture architecture, List<LayerReport> reports, List<Diagnostic> globalDiagnostics) {

    public Analysis {
        reports = List.copyOf(reports);
        globalDiagnostics = List.copyOf(globalDiagnostics);
    }

    public boolean valid() {
        return globalDiagnostics.isEmpty() && reports.stream().allMatch(r -> r.status() == LayerReport.Status.VALID);
    }

    /** Every diagnostic, global ones first. */
    public List<Diagnostic> diagnostics() {
        return java.util.stream.Stream.concat(globalDiagnostics.stream(),
                reports.stream().flatMap(r -> r.diagnostics().stream())).toList();
    }

    public long totalParams() {
        return reports.stream().mapToLong(LayerReport::params).sum();
    }

    public long totalMacs() {
        return reports.stream().mapToLong(LayerReport::macs).sum();
    }

    /** Bytes of float activations one sample produces on the forward pass (input included). */
    public long activationBytes() {
        long elements = architecture.input().shape().elements();
        for (LayerReport report : reports) {
            elements += report.convs().stream().mapToLong(c -> c.output().elements()).sum();
            if (report.convs().isEmpty() && report.output() != null) {
                elements += report.output().elements();
            }
        }
        return elements * Float.BYTES;
    }
}
