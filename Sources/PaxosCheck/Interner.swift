/// Each distinct value stored once and named by a small number. A state of the cluster is then
/// a few numbers (its nodes, its messages, its record) instead of the values themselves: there
/// are far fewer distinct nodes and messages than distinct states.
struct Interner<Value: Hashable & Sendable>: Sendable {
  private(set) var values: [Value] = []
  private var numbers: [Value: UInt32] = [:]

  var count: Int { values.count }

  func number(of value: Value) -> UInt32? { numbers[value] }

  mutating func intern(_ value: Value) -> UInt32 {
    if let number = numbers[value] { return number }
    let number = UInt32(values.count)
    values.append(value)
    numbers[value] = number
    return number
  }

  subscript(number: UInt32) -> Value { values[Int(number)] }
}
