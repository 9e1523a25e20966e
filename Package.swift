// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "paxlab",
  products: [
    .executable(name: "paxlab", targets: ["paxlab"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // Pure protocol: no I/O, no clock, no randomness.
    .target(name: "PaxosCore"),
    // Simulated cluster, network, faults, scheduler, invariants, trace.
    .target(name: "PaxosSim", dependencies: ["PaxosCore"]),
    // The one command language shared by `paxlab run`, the REPL and lessons.
    .target(name: "PaxosScript", dependencies: ["PaxosSim"]),
    .executableTarget(
      name: "paxlab",
      dependencies: [
        "PaxosScript",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "PaxosCoreTests", dependencies: ["PaxosCore"]),
    .testTarget(name: "PaxosSimTests", dependencies: ["PaxosSim"]),
    .testTarget(name: "PaxosScriptTests", dependencies: ["PaxosScript"]),
  ]
)
