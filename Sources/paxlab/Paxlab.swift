import ArgumentParser
import PaxosScript

@main
struct Paxlab: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paxlab",
    abstract: "Paxos Lab: learn the Paxos consensus protocol by running it.",
    subcommands: [
      ReplCommand.self, RunCommand.self, CheckCommand.self, LessonCommand.self, ExportCommand.self,
      ReplayCommand.self,
      BenchCommand.self,
    ],
    defaultSubcommand: ReplCommand.self
  )

  /// ArgumentParser's own `main`, except that a usage error (a bad option, value or name, a
  /// missing argument) exits 2, as a script's bad line does, not 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
      StandardError.line(fullMessage(for: error))
      exit(withError: ExitCode(ScriptStatus.usageError.rawValue))
    }
  }
}
