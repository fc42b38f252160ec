// The `lesson` executable: hands its arguments to LessonCLI and exits with the status it returns.

import LessonCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(LessonCommand.run(Array(CommandLine.arguments.dropFirst()), io: .standard()))
