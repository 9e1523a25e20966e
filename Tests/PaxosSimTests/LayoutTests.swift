import PaxosCore
import Testing

@testable import PaxosSim

/// A message and a trace entry are stored millions of times: a byte more is megabytes more, and
/// the log's slots must not cost single-decree runs anything.
@Suite struct LayoutTests {
  @Test func messageStaysFiftySixBytes() {
    #expect(MemoryLayout<Message>.size == 56)
    #expect(MemoryLayout<Message>.stride == 56)
  }

  @Test func traceEntryStaysFiftySixBytes() {
    #expect(MemoryLayout<TraceEntry>.stride == 56)
  }

  @Test func slotsRoundTripBesideTheKind() {
    var message = Message(
      kind: .accepted, from: .none, to: .none, ballot: .zero, value: ValueID(raw: 7),
      slot: Message.maxSlot)
    #expect(message.kind == .accepted && message.slot == Message.maxSlot)
    message.kind = .nack
    message.value = nil
    #expect(message.kind == .nack && message.slot == Message.maxSlot && message.value == nil)
  }
}
