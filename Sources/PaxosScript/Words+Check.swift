import PaxosCheck

/// The options of `check`, and `check apply [stuck]`.
extension Words {
  mutating func check() throws(ScriptError) -> Command {
    if peekWord == "apply" {
      _ = next()
      guard let token = next() else { return .checkApply(stuck: false) }
      guard token.text == "stuck" else {
        throw fail(
          "'check apply' takes only 'stuck' after it, not '\(Self.shorten(token.text))'")
      }
      return .checkApply(stuck: true)
    }
    var options = CheckOptions()
    var named = Set<String>()
    while let token = next() {
      let (name, value) = option(token)
      guard named.insert(String(name)).inserted else {
        throw fail("\(name) is given twice; give each option once")
      }
      if name == "symmetry" {
        guard value == nil else { throw fail("symmetry takes no value: write 'symmetry' alone") }
        options.symmetry = true
        continue
      }
      guard let bound = CheckOptions.Bound(rawValue: String(name)) else {
        throw fail(
          "unknown option '\(Self.shorten(token.text))'; check takes "
            + CheckOptions.Bound.allCases.map { "\($0.rawValue)=N" }.joined(separator: ", ")
            + " and symmetry, or 'check apply'")
      }
      guard let value else {
        throw fail("\(name) needs a value: write \(name)=N, e.g. \(name)=\(options[bound])")
      }
      options[bound] = try number(value, bound.rawValue, minimum: bound.min, maximum: bound.max)
    }
    return .check(options)
  }
}
