import K8sUpPlanning

/// Reads the text table `kubeadm certs check-expiration` prints: the certificates, then the certificate
/// authorities, each under a header line, in columns aligned by Go's tabwriter:
///
///     CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED
///     admin.conf                 Aug 19, 2026 09:03 UTC   360d            ca                      no
///     !MISSING! front-proxy-client
///
///     CERTIFICATE AUTHORITY   EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED
///     ca                      Aug 17, 2035 09:03 UTC   9y              no
///
/// Columns are cut at the header's column starts, since EXPIRES holds spaces. RESIDUAL TIME is
/// kubeadm's own count (Kubernetes' short duration: `<invalid>` once expired, `45s`, `12m`, `23h`,
/// `29d`, `9y`), so the result does not depend on this machine's clock. Lines before the first header
/// (`[check-expiration] Reading configuration…`) are skipped; a missing certificate is left out.
enum CertificateExpirationTable {
    struct Unreadable: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    static func parse(_ output: String) throws(Unreadable) -> [CertificateExpiry] {
        var entries: [CertificateExpiry] = []
        var columns: Columns?
        var sawHeader = false
        for raw in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw.hasSuffix("\r") ? raw.dropLast() : raw)
            if let header = Columns(header: line) {
                columns = header
                sawHeader = true
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                columns = nil
                continue
            }
            guard let columns else { continue }
            if let entry = try columns.entry(line) { entries.append(entry) }
        }
        guard sawHeader else {
            throw Unreadable(description: "kubeadm printed no certificate table")
        }
        return entries
    }

    /// Whole days from kubeadm's residual time; nil when it cannot be read. `<invalid>` (expired) is -1.
    static func days(residual: String) -> Int? {
        let text = residual.trimmingCharacters(in: .whitespaces)
        if text == "<invalid>" { return -1 }
        guard let unit = text.last, let number = Int(text.dropLast()) else { return nil }
        switch unit {
        case "s", "m", "h": return 0
        case "d": return number
        case "y": return number * 365
        default: return nil
        }
    }

    /// Where each column starts in one table's header.
    private struct Columns {
        var kind: CertificateExpiry.Kind
        var expires: Int
        var residual: Int
        var authority: Int?
        var external: Int?

        init?(header: String) {
            let kind: CertificateExpiry.Kind
            if header.hasPrefix("CERTIFICATE AUTHORITY") {
                kind = .authority
            } else if header.hasPrefix("CERTIFICATE ") {
                kind = .certificate
            } else {
                return nil
            }
            guard let expires = Self.offset(of: "EXPIRES", in: header),
                let residual = Self.offset(of: "RESIDUAL TIME", in: header)
            else { return nil }
            self.kind = kind
            self.expires = expires
            self.residual = residual
            authority = kind == .certificate ? Self.offset(of: "CERTIFICATE AUTHORITY", in: header, after: 1) : nil
            external = Self.offset(of: "EXTERNALLY MANAGED", in: header)
        }

        private static func offset(of word: String, in header: String, after start: Int = 0) -> Int? {
            let characters = Array(header)
            let target = Array(word)
            guard characters.count >= target.count, start <= characters.count - target.count else { return nil }
            for index in start...(characters.count - target.count)
            where Array(characters[index..<(index + target.count)]) == target {
                return index
            }
            return nil
        }

        func entry(_ line: String) throws(CertificateExpirationTable.Unreadable) -> CertificateExpiry? {
            let characters = Array(line)
            func cell(_ from: Int, _ to: Int?) -> String {
                guard from < characters.count else { return "" }
                let end = min(to ?? characters.count, characters.count)
                guard from < end else { return "" }
                return String(characters[from..<end]).trimmingCharacters(in: .whitespaces)
            }
            let name = cell(0, expires)
            if name.hasPrefix("!MISSING!") { return nil }
            let next = [authority, external].compactMap { $0 }.min()
            let residualText = cell(residual, next)
            guard let days = CertificateExpirationTable.days(residual: residualText), !name.isEmpty else {
                throw CertificateExpirationTable.Unreadable(description: "cannot read the line: \(line)")
            }
            let managed = external.map { cell($0, nil).lowercased() }
            return CertificateExpiry(
                name: name, kind: kind, expires: cell(expires, residual), daysLeft: max(days, 0),
                isExpired: days < 0, externallyManaged: managed == "yes" || managed == "true")
        }
    }
}
