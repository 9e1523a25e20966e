import ArgumentParser
import Glibc
import PaxosScript
import PaxosSession

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run scripts of Paxos Lab commands and print the transcript.",
    discussion: "Exits 0 when every script ran to the end with every expect holding, "
      + "1 at the first failed expect, 2 at the first line that is not a valid command "
      + "or that the cluster refuses."
  )

  @Argument(help: "Script files to run, each on a fresh cluster; - (or none) reads standard input.")
  var files: [String] = ["-"]

  @Flag(name: .shortAndLong, help: "Print only errors, failed expectations and violations.")
  var quiet = false

  func run() throws {
    // A person typing at a terminal sees each answer at once; a pipe gets big writes.
    let output = StandardOutput(flushesEachLine: files.contains("-") && isatty(STDIN_FILENO) == 1)
    var runner = ScriptRunner(quiet: quiet, emit: output.line)
    for file in files {
      let status: ScriptStatus
      if file == "-" {
        status = runner.run(name: "<stdin>", lines: Self.standardInputLines())
      } else {
        let bytes: [UInt8]
        do {
          bytes = try FileSystem.read(file)
        } catch {
          output.flush()
          StandardError.line("paxlab: \(error)")
          throw ExitCode(ScriptStatus.usageError.rawValue)
        }
        status = runner.run(name: file, lines: ScriptText.lines(of: bytes))
      }
      guard status == .passed else {
        output.flush()
        throw ExitCode(status.rawValue)
      }
    }
    output.flush()
  }

  /// Standard input, a line at a time, so each command runs as soon as it is typed.
  static func standardInputLines() -> some Sequence<Substring> {
    AnySequence { AnyIterator { readLine().map { Substring($0) } } }
  }
}
