import Foundation
import Synchronization

/// Where the executor records what it does: the on-disk `JournalWriter`, or a `MemoryJournal` in tests
/// and dry runs. Implementations are safe to call from several tasks at once.
package protocol JournalRecording: Sendable {
    /// Records one entry durably before returning (for the file: written and fsync'd).
    func append(_ entry: JournalEntry) throws(JournalError)
}

extension JournalRecording {
    /// Records `event` as happening at `time` (now by default).
    package func record(_ event: JournalEvent, at time: Date = Date()) throws(JournalError) {
        try append(JournalEntry(time: time, event: event))
    }
}

/// A journal kept in memory: for the executor's tests and for runs that must leave no trace.
final class MemoryJournal: JournalRecording {
    private let stored = Mutex<[JournalEntry]>([])

    init(_ entries: [JournalEntry] = []) {
        stored.withLock { $0 = entries }
    }

    func append(_ entry: JournalEntry) throws(JournalError) {
        stored.withLock { $0.append(entry) }
    }

    /// Every entry appended, in order.
    var entries: [JournalEntry] { stored.withLock { $0 } }

    /// The entries' events, in order: the easiest thing to compare in a test.
    var events: [JournalEvent] { entries.map(\.event) }

    /// What the entries say, folded.
    var state: JournalState { JournalState(entries) }
}
