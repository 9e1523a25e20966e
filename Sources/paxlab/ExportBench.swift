import Glibc
import PaxosExport
import PaxosScript

/// `paxlab bench`'s export figures: seconds to export a long run to each diagram format, and
/// the output's size next to the trace's own.
enum ExportBench {
  struct Figures {
    var events = 0
    var messages = 0
    var traceBytes = 0
    var mermaidSeconds = 0.0
    var mermaidBytes = 0
    var mermaidParts = 0
    var dotSeconds = 0.0
    var dotBytes = 0
    var markdownSeconds = 0.0
    var markdownBytes = 0
    /// How far the process's peak resident memory rose above what it held before exporting.
    var peakExtraBytes = 0

    var fields: [(String, String)] {
      [
        ("export_events", "\(events)"),
        ("export_messages", "\(messages)"),
        ("export_trace_bytes", "\(traceBytes)"),
        ("export_mermaid_seconds", seconds(mermaidSeconds)),
        ("export_mermaid_bytes", "\(mermaidBytes)"),
        ("export_mermaid_parts", "\(mermaidParts)"),
        ("export_dot_seconds", seconds(dotSeconds)),
        ("export_dot_bytes", "\(dotBytes)"),
        ("export_markdown_seconds", seconds(markdownSeconds)),
        ("export_markdown_bytes", "\(markdownBytes)"),
        ("export_peak_extra_bytes", "\(peakExtraBytes)"),
      ]
    }

    private func seconds(_ value: Double) -> String {
      let thousandths = Int((value * 1000).rounded())
      let fraction = String(thousandths % 1000)
      return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
  }

  /// Builds a run of at least `events` trace events (the long run's cluster: 5 acceptors,
  /// 3 proposers, a learner, random backoff) and times each export, the median of
  /// `repetitions`.
  static func measure(events target: Int, repetitions: Int) -> Figures {
    var interpreter = Interpreter()
    for line in ["cluster 5 3 1", "set backoff random 20", "set timeout 60"] {
      _ = interpreter.execute(line)
    }
    var attempt = 0
    while interpreter.cluster.trace.entries.count < target {
      attempt += 1
      for proposer in 1...3 { _ = interpreter.execute("propose p\(proposer) v\(attempt)") }
      _ = interpreter.execute("run steps=\(max(100, target / 10)) seed=\(attempt)")
    }
    let cluster = interpreter.cluster
    let trace = cluster.trace
    var figures = Figures()
    figures.events = trace.entries.count
    figures.messages = trace.messages.count
    figures.traceBytes = trace.entries.allocatedBytes + trace.messages.allocatedBytes
    let residentBefore = BenchCommand.residentBytes()
    (figures.mermaidSeconds, figures.mermaidBytes, figures.mermaidParts) = median(repetitions) {
      let parts = MermaidExport.diagrams(of: cluster, from: nil, to: nil)
      return (parts.reduce(0) { $0 + $1.utf8.count }, parts.count)
    }
    (figures.dotSeconds, figures.dotBytes, _) = median(repetitions) {
      (DotExport.graph(of: cluster, from: nil, to: nil).utf8.count, 1)
    }
    (figures.markdownSeconds, figures.markdownBytes, _) = median(repetitions) {
      (MarkdownExport.notes(of: interpreter, from: nil, to: nil).utf8.count, 1)
    }
    figures.peakExtraBytes = max(0, peakResidentBytes() - residentBefore)
    return figures
  }

  /// The median time of `repetitions` runs of `export`, and what the last run returned.
  private static func median(
    _ repetitions: Int, _ export: () -> (bytes: Int, parts: Int)
  ) -> (Double, Int, Int) {
    let clock = ContinuousClock()
    var times: [Double] = []
    var result = (bytes: 0, parts: 0)
    for _ in 0..<max(1, repetitions) {
      times.append(clock.measure { result = export() }.seconds)
    }
    return (times.sorted()[times.count / 2], result.bytes, result.parts)
  }

  /// The most resident memory the process has held so far (getrusage reports kilobytes).
  private static func peakResidentBytes() -> Int {
    var usage = rusage()
    guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
    return usage.ru_maxrss * 1024
  }
}
