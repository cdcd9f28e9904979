import Foundation

/// How an error reads in a message for an operator: k8sup's errors by their own descriptions (each
/// says what happened in words), Foundation's by their localized descriptions — never a dump of a
/// Swift value or an `Error Domain=… UserInfo=…` structure.
enum ErrorText {
    static func describe(_ error: any Error) -> String {
        if error is CancellationError { return "interrupted" }
        let bridged = error is CocoaError || error is POSIXError || type(of: error) is NSError.Type
        if !bridged, let own = (error as Any) as? any CustomStringConvertible { return own.description }
        return error.localizedDescription
    }

    /// The first line of `describe(error)`, for one-line progress and status text.
    static func firstLine(_ error: any Error) -> String {
        let text = describe(error)
        return text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
    }
}
