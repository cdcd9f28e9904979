/// Scanning of block scalars (`|` literal, `>` folded) with chomping (`-`, `+`) and explicit indentation
/// indicators, following libyaml's `yaml_parser_scan_block_scalar` line by line.
extension YAMLScanner {
    mutating func scanBlockScalar(literal: Bool) throws(YAMLError) {
        let start = mark
        skip()
        let (chomping, increment) = try scanBlockScalarIndicators()
        while isBlank() { skip() }
        if byte() == UInt8(ascii: "#") {
            while !isBreakZ() { skip() }
        }
        guard isBreakZ() else {
            throw error(
                "expected a comment or the end of the line after the block scalar indicator "
                    + "('|' or '>' must be followed by the text on the next lines)", at: mark)
        }
        skipLine()
        var end = mark
        var blockIndent = increment > 0 ? (indent >= 0 ? indent + increment : increment) : 0
        var text: [UInt8] = []
        var leadingBreak: [UInt8] = []
        var trailingBreaks: [UInt8] = []
        try scanBlockScalarBreaks(indent: &blockIndent, breaks: &trailingBreaks, end: &end)
        var leadingBlank = false
        while mark.column == blockIndent && !isZ() {
            let trailingBlank = isBlank()
            if !literal && leadingBreak.first == 0x0A && !leadingBlank && !trailingBlank {
                if trailingBreaks.isEmpty { text.append(UInt8(ascii: " ")) }
            } else {
                text += leadingBreak
            }
            leadingBreak.removeAll(keepingCapacity: true)
            text += trailingBreaks
            trailingBreaks.removeAll(keepingCapacity: true)
            leadingBlank = isBlank()
            let lineStart = position
            while !isBreakZ() { skip() }
            text.append(contentsOf: input[lineStart..<position])
            if isBreak() { readLine(into: &leadingBreak) }
            try scanBlockScalarBreaks(indent: &blockIndent, breaks: &trailingBreaks, end: &end)
        }
        if chomping != -1 { text += leadingBreak }
        if chomping == 1 { text += trailingBreaks }
        append(.scalar(String(decoding: text, as: UTF8.self), literal ? .literal : .folded), from: start, to: end)
    }

    /// Reads `[+-][1-9]` or `[1-9][+-]` after the indicator: chomping (-1 strip, 0 clip, +1 keep) and the
    /// explicit indentation increment (0 when absent).
    private mutating func scanBlockScalarIndicators() throws(YAMLError) -> (chomping: Int, increment: Int) {
        var chomping = 0
        var increment = 0
        if byte() == UInt8(ascii: "+") || byte() == UInt8(ascii: "-") {
            chomping = byte() == UInt8(ascii: "+") ? 1 : -1
            skip()
            if isDigit() { increment = try scanIndentationIndicator() }
        } else if isDigit() {
            increment = try scanIndentationIndicator()
            if byte() == UInt8(ascii: "+") || byte() == UInt8(ascii: "-") {
                chomping = byte() == UInt8(ascii: "+") ? 1 : -1
                skip()
            }
        }
        return (chomping, increment)
    }

    private mutating func scanIndentationIndicator() throws(YAMLError) -> Int {
        guard byte() != UInt8(ascii: "0") else {
            throw error("the indentation indicator of a block scalar must be 1 to 9, not 0", at: mark)
        }
        let value = Int(byte() - UInt8(ascii: "0"))
        skip()
        return value
    }

    /// Eats indentation and empty lines; determines the indentation from the first non-empty line when it
    /// was not given explicitly.
    private mutating func scanBlockScalarBreaks(
        indent blockIndent: inout Int, breaks: inout [UInt8],
        end: inout YAMLMark
    ) throws(YAMLError) {
        var maxIndent = 0
        end = mark
        while true {
            while (blockIndent == 0 || mark.column < blockIndent) && byte() == UInt8(ascii: " ") { skip() }
            maxIndent = max(maxIndent, mark.column)
            if (blockIndent == 0 || mark.column < blockIndent) && byte() == UInt8(ascii: "\t") {
                throw error(
                    "found a tab character where an indentation space is expected in a block scalar",
                    at: mark)
            }
            guard isBreak() else { break }
            readLine(into: &breaks)
            end = mark
        }
        if blockIndent == 0 {
            blockIndent = max(maxIndent, indent + 1, 1)
        }
    }
}
