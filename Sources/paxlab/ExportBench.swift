import PaxosExport
import PaxosScript

/// `paxlab bench`'s export figures: for a run of about 100,000 events, the time to export it to
/// each format and to load the JSON trace back, and the memory each needs as a multiple of the
/// trace's own storage.
enum ExportBench {
  struct Format {
    var name: String
    var seconds: Double
    var bytes: Int
    var peakGrowth: Int
  }

  struct Figures {
    var events = 0
    var traceBytes = 0
    var formats: [Format] = []

    func fields(milliseconds: (Double) -> String) -> [(String, String)] {
      [("export_events", "\(events)"), ("export_trace_bytes", "\(traceBytes)")]
        + formats.flatMap { format in
          [
            ("\(format.name)_ms", milliseconds(format.seconds)),
            ("\(format.name)_bytes", "\(format.bytes)"),
            (
              "\(format.name)_peak_memory_per_trace_byte",
              milliseconds(Double(format.peakGrowth) / Double(max(1, traceBytes)) / 1000)
            ),
          ]
        }
    }
  }

  static func measure(events target: Int, repetitions: Int) throws -> Figures {
    let interpreter = BenchRun.longRun(untilEvents: target)
    let cluster = interpreter.cluster
    var figures = Figures()
    figures.events = cluster.trace.entries.count
    figures.traceBytes =
      cluster.trace.entries.allocatedBytes + cluster.trace.messages.allocatedBytes
    let json = TraceEncoder.encode(interpreter)
    let loaded = try TraceImport.load(json)
    guard loaded.interpreter.cluster == cluster else {
      throw BenchFailure(description: "the loaded trace's cluster differs from the exported one")
    }
    figures.formats = [
      // As `export json` does it: measured against the limit first, then written.
      format("json_export", repetitions) {
        (try? TraceEncoder.encodeLoadable(interpreter))?.count ?? 0
      },
      format("json_load", repetitions) { (try? TraceImport.load(json)) == nil ? 0 : json.count },
      format("mermaid_export", repetitions) {
        MermaidExport.diagrams(of: cluster, from: nil, to: nil).reduce(0) { $0 + $1.utf8.count }
      },
      format("dot_export", repetitions) {
        DotExport.bytes(of: cluster, from: nil, to: nil).count
      },
      format("markdown_export", repetitions) {
        MarkdownExport.notes(of: interpreter, from: nil, to: nil).utf8.count
      },
    ]
    return figures
  }

  /// The median time of `repetitions` runs of `body`, the bytes it made, and the memory the
  /// first run needed.
  private static func format(_ name: String, _ repetitions: Int, _ body: () -> Int) -> Format {
    var bytes = 0
    let peak = MemoryProbe.peakGrowth { bytes = body() }
    let clock = ContinuousClock()
    let times = (0..<max(1, repetitions)).map { _ in clock.measure { bytes = body() }.seconds }
    return Format(name: name, seconds: BenchRun.median(times), bytes: bytes, peakGrowth: peak)
  }
}
