/// The names the JSON trace format is made of, shared by its writer and its reader.
public enum TraceFormat {
  /// The value of the top-level `format` field: what tells a trace from other JSON.
  public static let name = "paxlab-trace"
  /// The version this program writes and the newest it reads. Version 3 added log clusters:
  /// their mode, requests, slots and reports, and the events only they record.
  public static let version = 3
  public static let fileExtension = ".json"
  /// The largest trace `load` and `replay` read, and so the largest `export json` writes.
  public static let maxBytes = 1 << 30
}

/// The names of the fields that hold the simulated clock. Version 1 named them after steps,
/// the word `run steps=K` uses for the deliveries and timer firings a run counts; from
/// version 2 they say time, and ticks for a length of it. Older traces still load.
struct ClockFields: Equatable {
  /// An event's time.
  let event: String
  /// The time when the run ended.
  let run: String
  /// The times of a command's first and last step.
  let command: String
  /// How long a backoff waits.
  let backoff: String

  static let current = ClockFields(event: "time", run: "time", command: "time", backoff: "ticks")
  static let version1 = ClockFields(event: "step", run: "steps", command: "steps", backoff: "steps")

  init(version: Int) { self = version == 1 ? .version1 : .current }

  private init(event: String, run: String, command: String, backoff: String) {
    self.event = event
    self.run = run
    self.command = command
    self.backoff = backoff
  }
}

/// What one entry of `events` records, as its `kind` field names it.
enum TraceEventKind: String, CaseIterable, Sendable {
  case send, deliver, drop, duplicate, lost, crash, recover
  case restoreAcceptor = "restore-acceptor"
  case restoreRound = "restore-round"
  case partition, heal
  case persistAcceptor = "persist-acceptor"
  case persistRound = "persist-round"
  case timerFired = "timer-fired"
  case timerArmed = "timer-armed"
  case phase1, phase2
  case awaitingValue = "awaiting-value"
  case abandoned, decided, chosen, learned, violation
  // Log clusters only (version 3).
  case request, retry, hold
  case knownChosen = "known-chosen"
  case lead, propose
  case decidedSlot = "decided-slot"
  case persistVote = "persist-vote"
  case restoreVotes = "restore-votes"
  case restoreLearner = "restore-learner"
  case chosenSlot = "chosen-slot"
  case learnedSlot = "learned-slot"
  case apply
  case skipDuplicate = "skip-duplicate"
  case wait
  case askSlots = "ask-slots"

  /// The fields an event of this kind has besides `time`, `order` and `kind`, in the order the
  /// writer puts them. A violation's fields depend on which one it is: see `violationFields`.
  var fields: [String] {
    switch self {
    case .send, .deliver, .drop: ["message"]
    case .duplicate: ["message", "copy"]
    case .lost: ["message", "reason"]
    case .crash, .recover, .timerFired: ["node"]
    case .restoreAcceptor, .persistAcceptor: ["node", "promised", "accepted", "value"]
    case .restoreRound, .persistRound: ["node", "round"]
    case .partition: ["sides"]
    case .heal: []
    case .timerArmed: ["node", "delay"]
    case .phase1, .awaitingValue: ["ballot"]
    case .phase2: ["ballot", "value", "source", "reporter", "reported"]
    case .abandoned: ["ballot", "outbid_by"]
    case .decided, .chosen: ["value", "ballot"]
    case .learned: ["node", "value", "ballot"]
    case .violation: ["violation"]
    case .request, .retry, .hold: ["node", "request", "command"]
    case .knownChosen, .decidedSlot, .persistVote, .learnedSlot:
      ["node", "slot", "ballot", "request", "command"]
    case .lead: ["ballot", "top"]
    case .propose: ["slot", "ballot", "request", "command", "source", "reporter"]
    case .restoreVotes: ["node", "count"]
    case .restoreLearner: ["node", "learned", "applied"]
    case .askSlots: ["node"]
    case .chosenSlot: ["slot", "ballot", "request", "command"]
    case .apply: ["node", "slot", "request", "command", "output"]
    case .skipDuplicate: ["node", "slot", "request", "command", "first_slot"]
    case .wait: ["node", "missing", "learned"]
    }
  }

  /// The fields of each kind of violation, after `violation`.
  static func violationFields(_ name: String) -> [String]? {
    switch name {
    case "agreement": ["first", "value", "ballot"]
    case "validity": ["value", "ballot"]
    case "promise-decreased": ["node", "promised_before", "promised_now"]
    case "slot-agreement": ["slot", "first", "command", "ballot"]
    case "slot-validity": ["slot", "command", "ballot"]
    case "logs-diverge":
      ["node", "slot", "command", "other", "other_slot", "other_command", "position"]
    case "applied-twice": ["node", "request", "command", "slot", "first_slot"]
    default: nil
    }
  }

  static let violationNames = [
    "agreement", "validity", "promise-decreased", "slot-agreement", "slot-validity",
    "logs-diverge", "applied-twice",
  ]
  static let lossReasons = ["receiver-down", "partitioned"]
  static let valueSources = ["own", "adopted", "ignored-accepted"]
  static let slotSources = ["request", "adopted", "noop"]
}

/// The cluster's `mode`: only a log cluster has one, so that a single-decree trace reads as it
/// did before version 3; without it a cluster decides one value.
enum TraceMode {
  static let log = "log"
  /// The version that added log clusters.
  static let firstVersion = 3
}

/// The fields of a request in the cluster's `requests`, and the ways it can have been answered.
enum TraceRequestFields {
  static let all = ["id", "command", "reply", "read"]
  /// `pending`: no learner applied it yet; `read`: a `get`, whose value is in `read`.
  static let replies = ["pending", "ok", "read"]
}

/// The fields of a message object, by its `kind`, after `id`, `kind`, `from`, `to`, `ballot`.
/// In a log cluster accepts carry their slot, and a promise, a catch-up request and its answer
/// the report the message carries.
enum TraceMessageFields {
  static let common = ["id", "kind", "from", "to", "ballot"]

  static func extra(_ kind: String, log: Bool) -> [String]? {
    switch kind {
    case "prepare": []
    case "promise": log ? ["votes"] : ["accepted", "value"]
    case "accept", "accepted": log ? ["slot", "value"] : ["value"]
    case "nack": ["promised"]
    case "catchup": ["learned"]
    case "chosen": ["slots"]
    default: nil
    }
  }

  /// The fields of each slot in a promise's `votes` or a catch-up answer's `slots`.
  static let vote = ["slot", "ballot", "request", "command"]
}
