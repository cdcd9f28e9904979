import Foundation

/// kubectl's own words from its error output, without the noise: client-go logs each failed attempt
/// as a klog line (`E1207 16:06:05.065725   17815 memcache.go:265] "Unhandled Error" …`) before the
/// one line that says what is wrong.
enum KubectlMessage {
    /// The first line of `output` that is not a klog line; the first klog line's message when all are.
    static func firstMeaningfulLine(_ output: String) -> String? {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if let plain = lines.first(where: { klogMessage($0) == nil }) { return plain }
        return lines.first.flatMap(klogMessage)
    }

    /// The message of a klog line (`E1207 16:06:05.065725   17815 file.go:265] message`), else nil.
    static func klogMessage(_ line: String) -> String? {
        let characters = Array(line)
        guard characters.count > 22, "IWEF".contains(characters[0]),
            characters[1...4].allSatisfy(\.isNumber), characters[5] == " ",
            let end = line.range(of: "] ")
        else { return nil }
        return String(line[end.upperBound...])
    }
}
