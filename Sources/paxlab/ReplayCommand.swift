import ArgumentParser
import PaxosExport
import PaxosScript

/// `paxlab replay TRACE.json`: the transcript of a trace's commands, then its final status.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay a JSON trace: print the transcript of its commands and the final status.",
    discussion: "Exits 0 when the replay gives exactly the trace's events, 2 when the trace "
      + "cannot be read or does not match its own commands (the error names where)."
  )

  @Argument(help: "The JSON trace to replay.")
  var trace: String

  @Flag(name: .shortAndLong, help: "Print only violations and the final status.")
  var quiet = false

  func run() throws {
    // Kept until the replay is known to match: a trace that does not gets only its error.
    var transcript: [String] = []
    let quiet = quiet
    let loaded: LoadedTrace
    do {
      loaded = try TraceImport.load(path: trace) { text, result, cluster in
        if !quiet { transcript.append("> " + text) }
        transcript += Transcript.lines(for: result, in: cluster, quiet: quiet)
      }
    } catch {
      StandardError.line("paxlab: \(trace): \(error)")
      if let hint = error.hint { StandardError.line("  hint: \(hint)") }
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    let output = StandardOutput()
    for line in transcript { output.line(line) }
    var interpreter = loaded.interpreter
    let status = interpreter.execute("status")
    output.line("> status")
    for line in Transcript.lines(for: status, in: interpreter.cluster, quiet: false) {
      output.line(line)
    }
    output.flush()
  }
}
