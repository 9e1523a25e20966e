import ArgumentParser

@main
struct Paxlab: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paxlab",
    abstract: "Paxos Lab: learn the Paxos consensus protocol by running it.",
    subcommands: [
      ReplCommand.self, RunCommand.self, LessonCommand.self, ExportCommand.self, ReplayCommand.self,
      BenchCommand.self,
    ],
    defaultSubcommand: ReplCommand.self
  )
}
