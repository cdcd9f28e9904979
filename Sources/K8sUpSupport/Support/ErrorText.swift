import Foundation

/// How an error reads in a message for an operator: k8sup's errors by their own descriptions (each
/// says what happened in words), JSON decoding errors by the field at fault, Foundation's by their
/// localized descriptions — never a dump of a Swift value or an `Error Domain=… UserInfo=…` structure.
package enum ErrorText {
    package static func describe(_ error: any Error) -> String {
        switch error {
        case is CancellationError:
            return "interrupted"
        case let decoding as DecodingError:
            return describe(decoding)
        case EncodingError.invalidValue(_, let context):
            return "a value could not be written as JSON (\(context.debugDescription))"
        default:
            let bridged = error is CocoaError || error is POSIXError || type(of: error) is NSError.Type
            // Cast from `Any`: cast from `any Error`, every error would pass as its NSError bridge.
            if !bridged, let own = (error as Any) as? any CustomStringConvertible { return own.description }
            return error.localizedDescription
        }
    }

    /// The first line of `describe(error)`, for one-line progress and status text.
    package static func firstLine(_ error: any Error) -> String {
        let text = describe(error)
        return text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
    }

    /// What a JSON decoder did not find, or found wrong, by field.
    package static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _):
            return "no '\(key.stringValue)' field"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return context.debugDescription
        @unknown default:
            return error.localizedDescription
        }
    }

    /// `strerror(errno)` for messages.
    package static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
