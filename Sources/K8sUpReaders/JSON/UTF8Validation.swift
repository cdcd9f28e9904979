/// Checks that bytes are UTF-8 in place, without making a string of them (a 1 GB kubectl List is read
/// without a second copy), by the standard library's own rules: no overlong forms, no surrogates,
/// nothing above U+10FFFF.
package enum UTF8Validation {
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (try? UTF8Span(validating: bytes.span)) != nil
    }
}
