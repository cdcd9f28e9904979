import Foundation

/// `k8sim serve`: the simulated cluster. A stub until the fake apiserver lands.
enum ServeCommand {
    static func run(arguments: [String]) async -> Int32 {
        FileHandle.standardError.write(Data("k8sim serve: not implemented yet\n".utf8))
        return 64
    }
}
