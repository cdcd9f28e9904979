/// ANSI styling that disappears when disabled.
package struct TextStyle {
    package init(enabled: Bool) {
        self.enabled = enabled
    }

    package let enabled: Bool

    package func bold(_ text: String) -> String { wrap(text, "1") }
    package func red(_ text: String) -> String { wrap(text, "1;31") }
    package func yellow(_ text: String) -> String { wrap(text, "33") }
    package func green(_ text: String) -> String { wrap(text, "1;32") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
