import PaxosSim
import Testing

@testable import PaxosScript

/// `help` lists the commands by topic; `help TOPIC` lists one topic; `help COMMAND` shows one.
@Suite struct HelpTests {
  func help(_ line: String) -> [String] {
    var interpreter = Interpreter()
    return transcript(of: line, in: &interpreter)
  }

  @Test func helpGroupsEveryCommandUnderItsTopic() {
    let lines = help("help")
    for topic in Topic.allCases {
      guard let heading = lines.firstIndex(of: topic.rawValue + ":") else {
        Issue.record("no heading for \(topic.rawValue)")
        continue
      }
      let listed = lines[(heading + 1)...].prefix { $0.hasPrefix("  ") }
      for spec in Vocabulary.commands where spec.topic == topic {
        #expect(listed.contains { $0.hasPrefix("  " + spec.name + " ") }, "\(spec.name)")
      }
    }
  }

  @Test(arguments: ["time-travel", "time", "network"]) func helpTopicListsThatTopic(_ name: String)
    throws
  {
    let lines = help("help " + name)
    let topic = try #require(Topic.allCases.first { $0.rawValue.hasPrefix(name.prefix(4)) })
    #expect(lines.first == topic.rawValue + ":")
    #expect(lines.count == 1 + Vocabulary.commands.filter { $0.topic == topic }.count)
  }

  /// `help set` says what each teaching switch breaks; `help run` what its options do.
  @Test func helpExplainsTheSwitchesAndTheRunOptions() {
    let set = help("help set")
    #expect(set.contains { $0.hasPrefix("  reply-first: acceptors reply before writing to disk") })
    #expect(
      set.filter { $0.hasPrefix("  ") && $0.contains(": ") }.count == PaxosSim.Bug.allCases.count)
    let run = help("help run")
    #expect(run.contains("  run [steps=K] [seed=S] [until violation] [brief]"))
    #expect(run.contains { $0.hasPrefix("until violation: ") })
    #expect(run.contains { $0.hasPrefix("brief: ") })
  }

  /// A step is what the scheduler carries out; time, in ticks, is the clock the waits count.
  @Test func helpSaysWhatAStepIsAndWhatATickIs() {
    #expect(help("help run").contains { $0.hasPrefix("steps=K: take at most K steps, each one") })
    let set = help("help set")
    #expect(set.contains { $0.hasPrefix("backoff K: a refused proposer waits K ticks (fixed)") })
    #expect(set.contains { $0.hasPrefix("ticks count the simulated time that 'status' shows") })
    #expect(help("help explain").contains("  explain [TIME]"))
  }

  @Test func aCommandWinsOverATopicOfTheSameName() {
    #expect(help("help cluster").first == Vocabulary.spec(.cluster).summary)
  }

  @Test func aMistypedCommandSuggestsTheNearest() {
    #expect(help("help delvier").first == "error: no command 'delvier'; did you mean 'deliver'?")
  }
}
