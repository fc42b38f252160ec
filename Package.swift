// swift-tools-version: 6.0
// `lesson`: annotated traces of how sequence models compute, checked against PyTorch.
import PackageDescription

let package = Package(
    name: "lesson",
    products: [
        .executable(name: "lesson", targets: ["lesson"]),
        .library(name: "LessonKit", targets: ["LessonKit"]),
    ],
    targets: [
        // The tracing core, the input reader, the renderers, the lessons and the command line.
        .target(name: "LessonKit"),
        // A thin entry point: parses nothing itself, hands argv to LessonKit.CLI.
        .executableTarget(name: "lesson", dependencies: ["LessonKit"]),
        // Depends on the executable so `swift test` builds it for the end-to-end tests.
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "lesson"], exclude: ["Reference"]),
    ]
)
