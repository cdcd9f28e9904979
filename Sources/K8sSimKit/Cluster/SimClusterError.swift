/// Why a simulated cluster could not be seeded (inventory, snapshot or scenario problems).
public struct SimClusterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
