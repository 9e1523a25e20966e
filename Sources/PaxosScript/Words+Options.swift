import PaxosSim

/// The `name=value` options of `run` and `compare`.
extension Words {
  mutating func runOptions() throws(ScriptError) -> Command {
    var steps = Cluster.defaultRunSteps
    var seed: UInt64?
    var untilViolation = false
    var brief = false
    while let token = next() {
      switch option(token) {
      case ("brief", nil): brief = true
      case ("until", nil):
        guard next()?.text == "violation" else {
          throw fail("'until' takes one condition: write 'run until violation'")
        }
        untilViolation = true
      case ("steps", let value?):
        steps = try number(value, "steps", minimum: 1, maximum: Cluster.maxRunSteps)
      case ("seed", let value?):
        guard let parsed = UInt64(value.text) else {
          throw fail(
            "seed must be a whole number from 0 to \(UInt64.max), not '\(Self.shorten(value.text))'"
          )
        }
        seed = parsed
      default:
        throw fail(
          "unknown option '\(Self.shorten(token.text))'; run takes steps=K, seed=S,"
            + " until violation and brief")
      }
    }
    return .run(steps: steps, seed: seed, untilViolation: untilViolation, brief: brief)
  }

  mutating func comparison() throws(ScriptError) -> Command {
    guard let what = next(), what.text == "backoff" else {
      throw fail("compare what? 'compare backoff' is what there is to compare")
    }
    var seeds = BackoffTrials.defaultSeeds
    var steps = BackoffTrials.defaultSteps
    var waits: [Int]?
    while let token = next() {
      switch option(token) {
      case ("waits", let value?): waits = try waitList(value)
      case ("seeds", let value?):
        seeds = try number(value, "seeds", minimum: 1, maximum: BackoffTrials.maxSeeds)
      case ("steps", let value?):
        steps = try number(value, "steps", minimum: 1, maximum: Cluster.maxRunSteps)
      default:
        throw fail(
          "unknown option '\(Self.shorten(token.text))'; compare backoff takes seeds=N,"
            + " steps=K and waits=K,K,...")
      }
    }
    let backoffs = BackoffTrials.backoffs(waits: waits ?? [0, 1]).count
    guard seeds * steps * backoffs <= BackoffTrials.maxWork else {
      throw fail(
        "seeds=\(seeds) steps=\(steps) over \(backoffs) backoffs is too much work: seeds times"
          + " steps times backoffs is at most \(BackoffTrials.maxWork), e.g. seeds=1000"
          + " steps=2000 for three backoffs, or seeds=100 steps=20000")
    }
    return .compareBackoff(seeds: seeds, steps: steps, waits: waits)
  }

  /// `0,5,20`: the lengths of wait to compare, each at most once, 0 for no wait.
  private func waitList(_ token: Token) throws(ScriptError) -> [Int] {
    var waits: [Int] = []
    for part in token.text.split(separator: ",", omittingEmptySubsequences: false) {
      let wait = try number(
        Token(kind: .word, text: String(part), offset: token.offset), "a wait in ticks",
        minimum: 0, maximum: Cluster.maxSettingTicks)
      guard !waits.contains(wait) else { throw fail("the wait \(wait) is named twice") }
      waits.append(wait)
    }
    guard waits.count <= BackoffTrials.maxWaits else {
      throw fail("at most \(BackoffTrials.maxWaits) waits at once, not \(waits.count)")
    }
    return waits
  }

  /// `steps=20` as its name and its value, the value keeping the token's place in the line.
  func option(_ token: Token) -> (name: Substring, value: Token?) {
    let parts = token.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return (token.text[...], nil) }
    return (parts[0], Token(kind: .word, text: String(parts[1]), offset: token.offset))
  }
}
