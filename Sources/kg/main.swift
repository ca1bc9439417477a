import Foundation
import KGCommands

exit(KG.run(Array(CommandLine.arguments.dropFirst()), context: .process()))
