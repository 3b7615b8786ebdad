import Domain
import Foundation

/// How volunteering reads on a page and in messages: reasons, statuses, hours, and the emails about applications.
enum VolunteeringText {
    /// One reason an opportunity suits a volunteer, translated.
    static func reason(
        _ reason: OpportunityReason, categories: [String: LocalizedText], areas: [AreaID: Area], _ context: PageContext
    ) -> String {
        let t = context.t
        switch reason {
        case .sharedInterest(let id):
            let name = categories[id.description].map { Localized.string($0, context) } ?? ""
            return t("matching.reason.interest", ["interest": name])
        case .sharedSkill(let skill):
            return t("volunteering.reason.skill", ["skill": skill])
        case .sharedLanguage(let code):
            return t("matching.reason.language", ["language": LanguageNames.endonym(code)])
        case .sharedArea(let id):
            return t(
                "volunteering.reason.area", ["area": areas[id].map { Localized.string($0.name, context) } ?? ""])
        case .sharedTime(let day, let part):
            return ReferralText.time(day: day, part: part, t: t)
        case .trainingsHeld:
            return t("matching.reason.trainings")
        }
    }

    /// The reasons as one line, at most three times of the week.
    static func reasons(
        _ reasons: [OpportunityReason], categories: [String: LocalizedText], areas: [AreaID: Area],
        _ context: PageContext
    ) -> String {
        var times = 0
        return reasons.compactMap { reason -> String? in
            if case .sharedTime = reason {
                times += 1
                if times > 3 { return nil }
            }
            return Self.reason(reason, categories: categories, areas: areas, context)
        }.joined(separator: " · ")
    }

    static func status(_ status: VolunteerApplication.Status, t: Translator) -> String {
        t("volunteering.status.\(status.rawValue)")
    }

    /// "1:30 h".
    static func hours(_ minutes: Int, t: Translator) -> String {
        t("volunteering.hours.amount", ["hours": HoursInput.text(minutes)])
    }

    /// The times of the week as a line: "Tuesday evening, Thursday evening".
    static func times(_ times: WeeklyAvailability, t: Translator) -> String {
        times.times.map { ReferralText.time(day: $0.day, part: $0.part, t: t) }.joined(separator: ", ")
    }

    /// The message about an application in the recipient's language, with a link to where they act on it.
    static func notice(services: AppServices, config: AppConfig, city: City) -> VolunteeringUseCases.Notice {
        let base = config.publicURL
        return { kind, application, opportunity, language in
            let t = services.translator(language)
            let values = ["opportunity": opportunity.title.text(in: language, fallback: city.defaultLanguage)]
            switch kind {
            case .applied, .withdrawn:
                let name = kind == .applied ? "applied" : "withdrawn"
                let link = ["link": base + Route.manageVolunteering(city.slug).path]
                return (
                    t("volunteering.email.\(name)_subject", values),
                    t("volunteering.email.\(name)", values.merging(link) { $1 })
                )
            case .moved(let status, let reason):
                let more = ["link": base + Route.myVolunteering(city.slug).path, "reason": reason]
                return (
                    t("volunteering.email.\(status.rawValue)_subject", values),
                    t("volunteering.email.\(status.rawValue)", values.merging(more) { $1 })
                )
            }
        }
    }
}
