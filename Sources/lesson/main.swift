// The `lesson` executable: runs LessonCLI on the process's arguments and exits with its status.

import LessonCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(LessonCommand.main())
