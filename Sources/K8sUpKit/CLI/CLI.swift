/// The entry point `main.swift` calls: parses arguments, runs a command, maps errors to exit codes.
public enum CLI {
    public static func main(arguments: [String]) -> Int32 {
        0
    }
}
