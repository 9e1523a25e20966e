import ArgumentParser
import Glibc
import PaxosExport
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

  @Option(
    name: .customLong("export"),
    help: ArgumentHelp(
      "Write each script's run to this folder in every format: NAME.json, NAME.mmd, NAME.dot, NAME.md.",
      valueName: "DIR"))
  var exportFolder: String?

  func validate() throws {
    guard exportFolder != nil else { return }
    let names = files.map(Self.exportName)
    if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
      throw ValidationError(
        "two scripts would export as '\(twice)'; with --export, give scripts different names")
    }
  }

  func run() throws {
    // A person typing at a terminal sees each answer at once; a pipe gets big writes.
    let output = StandardOutput(flushesEachLine: files.contains("-") && isatty(STDIN_FILENO) == 1)
    var runner = ScriptRunner(quiet: quiet, emit: output.line)
    for file in files {
      // A script's exports never write over the script.
      let exporter = FileExporter(
        protecting: file == "-" ? [] : [.init(path: file, role: "the script being run")])
      runner.exporter = exporter
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
      if let exportFolder {
        // Also after a failure: the run up to the failing line is what one wants to look at.
        do {
          for line in try exporter.exportAll(
            of: runner.interpreter, into: exportFolder, named: Self.exportName(file))
          where !quiet {
            output.line(line)
          }
        } catch {
          output.flush()
          StandardError.line("paxlab: \(error.message)")
          throw ExitCode(ScriptStatus.usageError.rawValue)
        }
      }
      guard status == .passed else {
        output.flush()
        throw ExitCode(status.rawValue)
      }
    }
    output.flush()
  }

  /// The name a script's exports get: its file name without folder and extension.
  static func exportName(_ file: String) -> String {
    guard file != "-" else { return "stdin" }
    let name = file.split(separator: "/").last.map(String.init) ?? file
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// Standard input, a line at a time, so each command runs as soon as it is typed.
  static func standardInputLines() -> some Sequence<Substring> {
    AnySequence { AnyIterator { readLine().map { Substring($0) } } }
  }
}
