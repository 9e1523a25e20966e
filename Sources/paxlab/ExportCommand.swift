import ArgumentParser
import PaxosExport
import PaxosScript

extension ExportFormat: ExpressibleByArgument {}

/// `paxlab export TRACE.json --format mermaid [-o FILE]`: a trace redrawn in another format.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Turn a JSON trace into Mermaid, Graphviz, Markdown or JSON.",
    discussion: "The trace is loaded and checked by replaying its commands, then exported with "
      + "its own window of time unless --from or --to says otherwise. "
      + "Exits 0 when the export was written, 2 when the trace cannot be loaded or the file written."
  )

  @Argument(help: "The JSON trace, as 'export json FILE' or 'paxlab run --export' wrote it.")
  var trace: String

  @Option(help: "json, mermaid, dot or markdown.")
  var format: ExportFormat

  @Option(name: .shortAndLong, help: "Where to write it; - (the default) is standard output.")
  var output = "-"

  @Option(help: "The time to draw from (default: the trace's own window).")
  var from: Int?

  @Option(help: "The time to draw up to (default: the trace's own window).")
  var to: Int?

  func validate() throws {
    if let from, from < 0 { throw ValidationError("--from is a time, 0 or more") }
    if let to, to < 0 { throw ValidationError("--to is a time, 0 or more") }
    if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
  }

  func run() throws {
    let loaded: LoadedTrace
    do {
      loaded = try TraceImport.load(path: trace)
    } catch {
      StandardError.line("paxlab: \(trace): \(error)")
      if let hint = error.hint { StandardError.line("  hint: \(hint)") }
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    let request = ExportRequest(
      format: format, path: output, from: from ?? loaded.window.from, to: to ?? loaded.window.to)
    let out = StandardOutput()
    do {
      let lines = try FileExporter(protecting: [
        .init(path: trace, role: "the trace being exported")
      ])
      .export(request, of: loaded.interpreter)
      // The exported text goes to standard output; the note that a file was written, to stderr.
      for line in lines { output == "-" ? out.line(line) : StandardError.line(line) }
    } catch {
      StandardError.line("paxlab: \(error.message)")
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    out.flush()
  }
}
