// The `lesson` executable: hands its arguments to LessonCLI and exits with the status it returns.

import Foundation
import LessonCLI

let io = LessonCommand.IO(
    readStdin: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
    out: { FileHandle.standardOutput.write(Data($0.utf8)) },
    err: { FileHandle.standardError.write(Data($0.utf8)) }
)
exit(LessonCommand.run(Array(CommandLine.arguments.dropFirst()), io: io))
