// swift-tools-version: 6.0
// `lesson`: annotated traces of how sequence models compute, checked against PyTorch.
//
// The layers are targets. Each uses only the targets drawn above it, so a call from a lower layer
// back up to a higher one does not compile:
//
//   JSONFormat   TraceCore              the JSON value type; values, operations, the trace, claims, words
//        |   \  /        \
//        |  LessonInput  TraceRender    reading a lesson's input and claims; Markdown, JSON trace, SVG
//        |       |      (+ JSONFormat)
//      LessonLibrary       |            the lessons: typed inputs, the mathematics, the words
//              \          /
//              LessonCLI                the command line and `render`
//                  |
//               lesson                  the executable
import PackageDescription

let package = Package(
    name: "lesson",
    // macOS 13: task-local values (the gradient check's reruns) and, in the tests, Regex.
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lesson", targets: ["lesson"]),
    ],
    targets: [
        .target(name: "JSONFormat"),
        .target(name: "TraceCore"),
        .target(name: "TraceRender", dependencies: ["TraceCore", "JSONFormat"]),
        .target(name: "LessonInput", dependencies: ["TraceCore", "JSONFormat"]),
        .target(name: "LessonLibrary", dependencies: ["TraceCore", "LessonInput", "JSONFormat"]),
        .target(name: "LessonCLI", dependencies: ["LessonLibrary", "LessonInput", "TraceRender", "TraceCore", "JSONFormat"]),
        .executableTarget(name: "lesson", dependencies: ["LessonCLI"]),
        // Depends on the executable so `swift test` builds it for the end-to-end tests.
        .testTarget(name: "LessonTests",
                    dependencies: ["LessonCLI", "LessonLibrary", "LessonInput", "TraceRender", "TraceCore", "JSONFormat", "lesson"],
                    exclude: ["Reference"]),
        // Re-evaluates every written-out line of arithmetic in Lessons/ from the numbers it shows.
        .testTarget(name: "NotesTests"),
    ]
)
