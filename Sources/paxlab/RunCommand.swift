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
      let exporter = Self.exporter(for: file)
      runner.exporter = exporter
      let status = runner.run(name: Self.name(of: file), lines: try Self.lines(of: file, output))
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

  /// Exports that never write over the script.
  static func exporter(for file: String) -> FileExporter {
    FileExporter(protecting: file == "-" ? [] : [.init(path: file, role: "the script being run")])
  }

  /// How errors name the script.
  static func name(of file: String) -> String { file == "-" ? "<stdin>" : file }

  /// The script's lines: standard input's as they are typed, or a file's; a file that cannot
  /// be read is reported, and paxlab exits 2.
  static func lines(of file: String, _ output: StandardOutput) throws -> AnySequence<Substring> {
    guard file != "-" else { return AnySequence(standardInputLines()) }
    do {
      return AnySequence(ScriptText.lines(of: try FileSystem.read(file)))
    } catch {
      output.flush()
      StandardError.line("paxlab: \(error)")
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
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
