import ArgumentParser
import PaxosScript

import Glibc

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run scripts of Paxos Lab commands and print the transcript.",
    discussion: """
      Exits 0 when every script ran to the end with every expect holding, 1 at the first failed
      expect, 2 at the first line that is not a valid command or that the cluster refuses.
      """
  )

  @Argument(help: "Script files to run, each on a fresh cluster; - reads standard input.")
  var files: [String]

  @Flag(name: .shortAndLong, help: "Print only errors, failed expectations and violations.")
  var quiet = false

  func run() throws {
    let output = StandardOutput()
    var runner = ScriptRunner(quiet: quiet, emit: output.line)
    for file in files {
      let name = file == "-" ? "<stdin>" : file
      guard let bytes = file == "-" ? SourceFile.readStandardInput() : SourceFile.read(file) else {
        output.line("paxlab: cannot read '\(file)': \(String(cString: strerror(errno)))")
        output.flush()
        throw ExitCode(ScriptStatus.usageError.rawValue)
      }
      let status = runner.run(name: name, lines: SourceFile.lines(bytes))
      guard status == .passed else {
        output.flush()
        throw ExitCode(status.rawValue)
      }
    }
    output.flush()
  }
}
