import PaxosCore
import Testing

@testable import PaxosExport

@Suite struct EventCoverageTests {
  static func allRecords() throws -> [EventRecord] {
    try TraceCatalogue.scripts.flatMap { script in
      try TraceDecoder.decode(TraceCatalogue.trace(script.lines), keepEvents: true).events
    }
  }

  static func texts(_ key: String, in records: [EventRecord]) -> Set<String> {
    var found: Set<String> = []
    for record in records {
      for field in record.fields where field.key == key {
        if case .text(let text) = field.value { found.insert(text) }
      }
    }
    return found
  }

  @Test func everyEventKindAppearsInSomeTrace() throws {
    let kinds = Set(try Self.allRecords().map(\.kind))
    let missing = TraceEventKind.allCases.map(\.rawValue).filter { !kinds.contains($0) }
    #expect(missing.isEmpty, "no trace in the catalogue has: \(missing)")
  }

  @Test func everyReasonSourceAndMessageKindAppears() throws {
    let records = try Self.allRecords()
    #expect(Self.texts("reason", in: records) == Set(TraceEventKind.lossReasons))
    #expect(
      Self.texts("source", in: records)
        == Set(TraceEventKind.valueSources + TraceEventKind.slotSources))
    // Validity cannot happen in the simulator: every value it handles was proposed, every
    // command requested.
    #expect(
      Self.texts("violation", in: records)
        == Set(TraceEventKind.violationNames).subtracting(["validity", "slot-validity"]))
    var messageKinds: Set<String> = []
    for record in records {
      for field in record.fields where field.key == "message" {
        if case .object(let fields) = field.value,
          case .text(let kind)? = fields.first(where: { $0.key == "kind" })?.value
        {
          messageKinds.insert(kind)
        }
      }
    }
    #expect(messageKinds == Set(MessageKind.allCases.map(\.name)))
  }

  @Test func stepsAndOrdersCountUp() throws {
    for (name, lines) in TraceCatalogue.scripts {
      var previous: (time: Int, order: Int)?
      for record in try TraceDecoder.decode(TraceCatalogue.trace(lines), keepEvents: true).events {
        if let previous, previous.time == record.time {
          #expect(record.order == previous.order + 1, "\(name)")
        } else {
          #expect(record.order == 1, "\(name)")
          #expect(record.time > previous?.time ?? -1, "\(name)")
        }
        previous = (record.time, record.order)
      }
    }
  }
}
