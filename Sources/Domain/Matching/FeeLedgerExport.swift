import Foundation

/// The fee ledger as CSV for payment: one line per entry, oldest first, then one total line per organisation.
public enum FeeLedgerExport {
    public static let header = [
        "day", "organisation_id", "organisation", "activity_id", "activity", "newcomer", "amount_eur", "entry_id",
    ]

    /// `names` and `titles` are in the reader's language.
    public static func csv(
        _ entries: [FeeLedgerEntry], names: [OrganisationID: String], titles: [ActivityID: String]
    ) -> String {
        var rows = [header]
        for entry in entries {
            rows.append([
                entry.day.description, entry.organisationID.description, names[entry.organisationID] ?? "",
                entry.activityID.description, titles[entry.activityID] ?? "", entry.pseudonym,
                amount(entry.amountCents), entry.id.description,
            ])
        }
        let totals = Dictionary(grouping: entries, by: \.organisationID).mapValues {
            $0.map(\.amountCents).reduce(0, +)
        }
        for (id, cents) in totals.sorted(by: { $0.key.description < $1.key.description }) {
            rows.append(["total", id.description, names[id] ?? "", "", "", "", amount(cents), ""])
        }
        return CSVWriter.text(rows)
    }

    /// Euros with two decimals and a point, as payment systems read them: `40.00`.
    static func amount(_ cents: Int) -> String {
        String(format: "%d.%02d", cents / 100, cents % 100)
    }
}
