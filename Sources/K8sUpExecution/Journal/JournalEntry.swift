import Foundation
import K8sUpSupport

/// One line of the journal: when (`time`, RFC 3339 UTC with milliseconds) and what (`event` and its
/// fields, flattened into the same JSON object; see `JournalEvent`).
package struct JournalEntry: Codable, Sendable, Equatable {
    package var time: Date
    package var event: JournalEvent

    package init(time: Date, event: JournalEvent) {
        self.time = time
        self.event = event
    }

    private enum CodingKeys: String, CodingKey {
        case time, event
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let timeText = try container.decode(String.self, forKey: .time)
        guard let time = RFC3339.parse(timeText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .time, in: container, debugDescription: "'\(timeText)' is not an RFC 3339 time")
        }
        let name = try container.decode(String.self, forKey: .event)
        guard let event = try JournalEvent.decodePayload(named: name, from: decoder) else {
            throw DecodingError.dataCorruptedError(
                forKey: .event, in: container,
                debugDescription: "unknown event '\(name)' (known: \(JournalEvent.names.joined(separator: ", ")))")
        }
        self.time = time
        self.event = event
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(RFC3339.format(time, fractionDigits: 3), forKey: .time)
        try container.encode(event.name, forKey: .event)
        try event.encodePayload(to: encoder)
    }

    /// The entry as one journal line, without the newline: sorted keys, so equal entries give equal bytes.
    package func line() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
