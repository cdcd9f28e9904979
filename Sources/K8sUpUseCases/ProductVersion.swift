/// k8sup's own version: what `--version` prints and what each run records in its journal.
package enum ProductVersion {
    package static let current = "0.1.0"
}
