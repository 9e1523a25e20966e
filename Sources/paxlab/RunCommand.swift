import ArgumentParser
import Glibc
import PaxosScript

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
        status = runner.run(name: "<stdin>", lines: SourceFile.standardInputLines())
      } else {
        guard let bytes = SourceFile.read(file) else {
          output.flush()
          let message = "paxlab: cannot read '\(file)': \(String(cString: strerror(errno)))\n"
          _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
          throw ExitCode(ScriptStatus.usageError.rawValue)
        }
        status = runner.run(name: file, lines: SourceFile.lines(bytes))
      }
      guard status == .passed else {
        output.flush()
        throw ExitCode(status.rawValue)
      }
    }
    output.flush()
  }
}
