/// The schema, in order. Append only.
public enum Migrations {
    public static let all: [any Migration] = [
        CreateCities(),
        CreateAreas(),
        CreatePeople(),
        CreateOrganisations(),
        CreateRoleAssignments(),
        CreateSessions(),
        CreateOutbox(),
        ExtendOrganisations(),
        CreateContactPersons(),
        CreateNetworks(),
        CreatePartnerCalls(),
        CreateConfirmationRounds(),
        CreatePlaces(),
        CreateActivities(),
        CreateEvents(),
        CreatePlans(),
        CreateReferrals(),
        CreateVolunteering(),
        IndexActivitySearchTrigrams(),
        RebuildActivitySearch(),
        CreateAccessTokens(),
    ]
}
