import PaxosSim

/// Random inputs for the standing fuzz: command lines: mostly well-formed commands on plausible names,
/// some with a word changed, some bytes of noise. Never a teaching switch (`set bug`), so that
/// any VIOLATION in the output is a real fault of the protocol or the simulator.
struct FuzzInput {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  static let outputFiles = ["out.json", "out.mmd", "notes.md", "graph.dot"]

  /// A script: a cluster, then `count` random lines.
  mutating func script(count: Int, noise: Bool = true) -> [String] {
    var lines = [cluster()]
    for _ in 0..<count { lines.append(noise && chance(8) ? noisy(line()) : line()) }
    return lines
  }

  mutating func line() -> String {
    switch pick(30) {
    case 0: return "propose \(proposer()) \(value())"
    case 1: return "prepare \(proposer()) \(number(12)) \(chance(2) ? value() : "")"
    case 2, 3, 4: return "deliver"
    case 5: return "deliver all"
    case 6: return "deliver #\(number(40))"
    case 7: return "deliver \(link())"
    case 8: return "drop \(chance(2) ? "#\(number(40))" : link())"
    case 9: return "duplicate \(chance(2) ? "#\(number(40))" : link())"
    case 10: return "crash \(node())"
    case 11: return "recover \(node())"
    case 12: return "partition \(node()) \(node()) | \(node())"
    case 13: return "heal"
    case 14: return "run steps=\(number(300)) seed=\(number(50))"
    case 15: return "timeout \(proposer())"
    case 16:
      return [
        "set backoff none", "set backoff fixed \(number(20))", "set backoff random \(number(30))",
        "set timeout \(number(80))",
      ][pick(4)]
    case 17: return ["undo", "undo \(number(4))", "redo", "redo \(number(3))"][pick(4)]
    case 18: return chance(2) ? "goto \(number(12))" : "goto \(bookmark())"
    case 19: return "bookmark \(bookmark())"
    case 20:
      return [
        "expect chosen \(value())", "expect safe", "expect inflight \(number(9))",
        "expect learned l1 \(value())",
      ][pick(4)]
    case 21:
      return ["status", "net", "diagram", "history", "explain", "explain \(number(30))"][pick(6)]
    case 22: return "compare backoff seeds=\(number(4)) steps=\(number(80))"
    case 23:
      let format = ["json", "mermaid", "dot", "markdown"][pick(4)]
      return "export \(format) \(chance(5) ? "-" : Self.outputFiles[pick(Self.outputFiles.count)])"
    case 24: return chance(2) ? "save saved.paxos" : "load \(["saved.paxos", "out.json"][pick(2)])"
    // The replicated log's commands: refused in a single-decree cluster, carried out in a log one.
    case 25: return "request \(proposer()) \(clientCommand())"
    case 26: return chance(2) ? "retry r\(number(6)) \(proposer())" : "catchup l\(number(2))"
    case 27:
      return [
        "expect slot \(number(5)) \(chance(2) ? clientCommand() : "noop")",
        "expect applied l\(number(2)) \(number(4))", "expect kv l1 x \(value())",
        "expect reply r\(number(5)) ok", "expect leader p\(number(3))",
      ][pick(5)]
    // The model checker, with bounds that keep a check short.
    case 28:
      return [
        "log", "check depth=\(number(6)) states=\(number(3000)) crashes=\(pick(2))",
        "check depth=\(number(4)) drops=1 duplicates=1 symmetry workers=\(number(2))",
        "check apply", "check apply stuck",
      ][pick(5)]
    default:
      return chance(3)
        ? "reset" : "add \(["acceptor", "proposer", "learner"][pick(3)]) x\(number(3))"
    }
  }

  /// Half of the clusters are log clusters.
  mutating func cluster() -> String {
    "cluster \(number(5)) \(number(3)) \(pick(3))" + (chance(2) ? " log" : "")
  }

  private mutating func clientCommand() -> String {
    ["put x \(value())", "append x \(value())", "get x", "put y \(value())"][pick(4)]
  }

  /// The line with a word replaced, bytes inserted, or cut short.
  mutating func noisy(_ line: String) -> String {
    var bytes = Array(line.utf8)
    switch pick(4) {
    case 0:
      var words = line.split(separator: " ").map(String.init)
      let junk = ["#", "->", "|", "=", "\"", "-1", "99999999999999999999", "é", "p9", "all", ""]
      if !words.isEmpty { words[pick(words.count)] = junk[pick(junk.count)] }
      return words.joined(separator: " ")
    case 1:
      bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: pick(bytes.count + 1))
    case 2:
      bytes = Array(bytes.prefix(pick(bytes.count + 1)))
    default:
      bytes = (0..<pick(12)).map { _ in UInt8(32 + pick(95)) }
    }
    // Line ends and NUL bytes would split or end the line: keep one line.
    return String(decoding: bytes.filter { $0 != 10 && $0 != 13 && $0 != 0 }, as: UTF8.self)
  }

  /// A file's bytes damaged as a crash, a disk or an editor might: cut short, a byte changed,
  /// bytes inserted or removed, a line doubled, the last newline gone.
  mutating func damage(_ original: [UInt8]) -> [UInt8] {
    var bytes = original
    guard !bytes.isEmpty else { return [UInt8(pick(256))] }
    let at = pick(bytes.count)
    switch pick(6) {
    case 0: bytes.removeSubrange(at...)
    case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())
    case 2: bytes.insert(contentsOf: (0..<1 + pick(8)).map { _ in UInt8(pick(256)) }, at: at)
    case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + pick(16)))
    case 4:
      let start = bytes[..<at].lastIndex(of: 10).map { $0 + 1 } ?? 0
      let end = bytes[at...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
      bytes.insert(contentsOf: bytes[start..<end], at: end)
    default: if bytes.last == 10 { bytes.removeLast() } else { bytes.append(10) }
    }
    return bytes
  }

  mutating func pick(_ bound: Int) -> Int { random.next(below: bound) }
  mutating func chance(_ one: Int) -> Bool { pick(one) == 0 }
  private mutating func number(_ top: Int) -> Int { 1 + pick(top) }
  private mutating func proposer() -> String { "p\(number(3))" }
  private mutating func value() -> String { ["red", "blue", "green", "\"two words\""][pick(4)] }
  private mutating func bookmark() -> String { ["base", "b", "here"][pick(3)] }
  private mutating func node() -> String {
    [proposer(), "a\(number(5))", "l\(number(2))"][pick(3)]
  }
  private mutating func link() -> String {
    chance(2) ? "\(proposer())->a\(number(5))" : "a\(number(5))->\(proposer())"
  }
}
