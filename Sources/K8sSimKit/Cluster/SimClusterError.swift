/// Why a simulated cluster could not be seeded (inventory, snapshot or scenario problems).
package struct SimClusterError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
