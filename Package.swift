// swift-tools-version:6.1
// The `lessons` site builder, its pool engine and the libraries lesson code imports.
import PackageDescription

/// Compiler settings shared by every target: Swift 6 language mode (strict concurrency) plus the upcoming
/// features the model codebases use.
let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "lessons",
  // No `platforms:` claim: the package builds on Linux only (Glibc, /proc, fork, futex); see the README.
  products: [
    .executable(name: "lessons", targets: ["LessonsCLI"]),
    .executable(name: "pool-bench", targets: ["PoolBench"]),
    // Dynamic so that lesson programs compiled by the builder with plain swiftc can link against them.
    .library(name: "Multiprocessing", type: .dynamic, targets: ["Multiprocessing"]),
    .library(name: "LessonSupport", type: .dynamic, targets: ["LessonSupport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    // C libraries, reached only through the thin wrapper targets above them.
    .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
    .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    // The `lessons` command's memory allocator: the build makes millions of small allocations across two cores,
    // where TCMalloc's per-thread caches cost less than glibc's arenas (see the README's Speed section).
    .systemLibrary(
      name: "CTCMalloc", pkgConfig: "libtcmalloc_minimal", providers: [.apt(["libgoogle-perftools-dev"])]),
    // System calls Swift's Glibc module hides (pipe2, prctl, sched_getaffinity, stdout, wait macros, renameat2).
    .target(name: "CSystemShims"),
    // The one EINTR-safe layer over them, shared by the pool engine and the builder.
    .target(name: "SystemCalls", dependencies: ["CSystemShims"], swiftSettings: swiftSettings),

    // Libraries, one concern each.
    .target(name: "Markdown", dependencies: ["CCmark"], swiftSettings: swiftSettings),
    // TeX math (kramdown's `$$…$$`) to MathML Core: tokenizer, parser, writer. No dependencies.
    .target(name: "Math", swiftSettings: swiftSettings),
    .target(name: "Multiprocessing", dependencies: ["SystemCalls"], swiftSettings: swiftSettings),
    .target(name: "HTTP", dependencies: ["CCurl"], swiftSettings: swiftSettings),
    // The protocol between the builder and lesson programs (which link it, through LessonSupport): Glibc only.
    .target(name: "LessonProtocol", dependencies: ["SystemCalls"], swiftSettings: swiftSettings),
    .target(name: "Charts", dependencies: ["LessonProtocol"], swiftSettings: swiftSettings),
    .target(name: "LessonSupport", dependencies: ["Charts", "HTTP", "LessonProtocol"], swiftSettings: swiftSettings),
    .target(
      name: "Lessons", dependencies: ["Markdown", "Math", .product(name: "Yams", package: "Yams")],
      swiftSettings: swiftSettings),
    .target(
      name: "Execution",
      dependencies: ["Lessons", "Multiprocessing", "SystemCalls", "Charts", "GalaxyStandIn", "LessonProtocol"],
      swiftSettings: swiftSettings),
    .target(
      name: "Site",
      dependencies: ["Lessons", "Math", "Execution", "Charts", "Multiprocessing", "SystemCalls", .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: swiftSettings),
    // The preview of `lessons serve`: file watching, the rebuild loop, live reload and the HTTP server.
    .target(
      name: "Preview",
      dependencies: ["Site", "Lessons", "SystemCalls", .product(name: "FlyingSocks", package: "FlyingFox")],
      swiftSettings: swiftSettings),
    .target(
      name: "GalaxyStandIn",
      dependencies: [
        .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
      ],
      swiftSettings: swiftSettings),

    // Executables.
    .executableTarget(
      name: "LessonsCLI",
      dependencies: [
        "Lessons", "Execution", "Site", "Preview", "GalaxyStandIn", "Multiprocessing", "CTCMalloc",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "FlyingSocks", package: "FlyingFox"),
      ],
      // Release builds carry the Swift runtime and Foundation inside the command (as `--static-swift-stdlib`
      // would): direct calls instead of calls through the shared libraries' tables, and no loading of a dozen
      // libraries at start; 4-8% less CPU per build. The two dynamic library products lesson programs link keep
      // the shared runtime. lld: gold needs Foundation's static dependencies listed by hand.
      swiftSettings: swiftSettings + [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
      linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(configuration: .release))]),
    .executableTarget(name: "PoolBench", dependencies: ["Multiprocessing"], swiftSettings: swiftSettings),

    // Tests mirror the targets. TestSupport is what several test targets share (a regular target only they use).
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
    .testTarget(name: "MultiprocessingTests", dependencies: ["Multiprocessing"], swiftSettings: swiftSettings),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], swiftSettings: swiftSettings),
    .testTarget(name: "MathTests", dependencies: ["Math"], swiftSettings: swiftSettings),
    .testTarget(
      name: "LessonsTests", dependencies: ["Lessons"], resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "SiteTests", dependencies: ["Site", "Lessons", "Execution", "Charts", "TestSupport", .product(name: "Mustache", package: "swift-mustache")], resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings),
    .testTarget(name: "PreviewTests", dependencies: ["Preview", "Site", "TestSupport"], swiftSettings: swiftSettings),
    .testTarget(
      name: "HTTPTests",
      dependencies: [
        "HTTP", "GalaxyStandIn", "Multiprocessing", .product(name: "FlyingFox", package: "FlyingFox"),
        .product(name: "FlyingSocks", package: "FlyingFox"), "TestSupport",
      ],
      swiftSettings: swiftSettings),
    .testTarget(name: "GalaxyStandInTests", dependencies: ["GalaxyStandIn", "HTTP", "TestSupport"], swiftSettings: swiftSettings),
    .testTarget(name: "ChartsTests", dependencies: ["Charts"], swiftSettings: swiftSettings),
    .testTarget(
      name: "LessonSupportTests",
      dependencies: [
        "LessonSupport", "LessonProtocol", "Execution", "Charts", "GalaxyStandIn", "Multiprocessing", "SystemCalls",
        "TestSupport",
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ExecutionTests",
      dependencies: ["Execution", "Lessons", "Charts", "LessonProtocol", "SystemCalls", "TestSupport"],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "LessonsCLITests", dependencies: ["Lessons", "TestSupport"], resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings),
  ]
)
