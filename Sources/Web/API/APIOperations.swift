import OpenAPIKit

/// Every operation of `/api/v1`, by endpoint and method. The OpenAPI document is built from this table and the
/// route table; a test fails when an API endpoint of the route table has no operation here.
extension APIOperation {
    static var all: [APIOperation] {
        cities + stakeholders + directory + exchange + volunteering + plans + [
            APIOperation(
                endpoint: .openAPI, method: .get, id: "openAPI", summary: "This document",
                answer: .other(.object(description: "an OpenAPI 3.1 document"), mediaType: .json))
        ]
    }

    static var cities: [APIOperation] {
        [
            .list(.apiCities, id: "listCities", summary: "Cities on this installation", of: CityDTO.self),
            .read(.apiCity, id: "getCity", summary: "One city", CityDTO.self),
            .list(
                .apiCityAreas, id: "listAreas", summary: "A city's areas with their latest demographics",
                of: AreaDTO.self),
        ]
    }

    static var stakeholders: [APIOperation] {
        [
            .list(
                .apiOrganisations, id: "listOrganisations",
                summary: "The city's organisations (archived ones left out)", of: OrganisationDTO.self,
                query: APIQueryParameter.organisationFilters),
            .create(
                .apiOrganisations, id: "createOrganisation", summary: "Register an organisation (coordinators)",
                body: OrganisationWriteDTO.self, answer: OrganisationDTO.self),
            .read(.apiOrganisation, id: "getOrganisation", summary: "One organisation", OrganisationDTO.self),
            .update(
                .apiOrganisation, id: "updateOrganisation",
                summary: "Change an organisation (its editors and coordinators)", body: OrganisationWriteDTO.self,
                answer: OrganisationDTO.self),
            .read(
                .apiOrganisationHSDS, id: "getOrganisationHSDS",
                summary: "One organisation as an Open Referral HSDS 3.0 organization", HSDSOrganizationDTO.self),
            .list(
                .apiNetworks, id: "listNetworks", summary: "The city's networks of organisations, with their members",
                of: NetworkDTO.self),
            .create(
                .apiNetworks, id: "createNetwork", summary: "Create a network (coordinators)",
                body: NetworkWriteDTO.self, answer: NetworkDTO.self),
            .read(.apiNetwork, id: "getNetwork", summary: "One network", NetworkDTO.self),
            .update(
                .apiNetwork, id: "updateNetwork", summary: "Change a network (coordinators)",
                body: NetworkWriteDTO.self, answer: NetworkDTO.self),
            .list(
                .apiPartnerships, id: "listPartnerships", summary: "Partnerships between the city's organisations",
                of: PartnershipDTO.self),
            .create(
                .apiPartnerships, id: "createPartnership",
                summary: "Record a partnership (coordinators, or an editor of either organisation)",
                body: PartnershipWriteDTO.self, answer: PartnershipDTO.self),
            .read(.apiPartnership, id: "getPartnership", summary: "One partnership", PartnershipDTO.self),
            .update(
                .apiPartnership, id: "updatePartnership",
                summary: "Change a partnership (coordinators, or an editor of either organisation)",
                body: PartnershipWriteDTO.self, answer: PartnershipDTO.self),
            .list(
                .apiPartnerCalls, id: "listPartnerCalls",
                summary: "The partner bulletin board: open calls whose deadline has not passed, or closed ones",
                of: PartnerCallDTO.self, query: APIQueryParameter.partnerCallFilters),
            .create(
                .apiPartnerCalls, id: "createPartnerCall",
                summary: "Post a call for partners (for an organisation the caller edits)",
                body: PartnerCallWriteDTO.self, answer: PartnerCallDTO.self),
            .read(.apiPartnerCall, id: "getPartnerCall", summary: "One partner call", PartnerCallDTO.self),
            .update(
                .apiPartnerCall, id: "updatePartnerCall",
                summary: "Change an open call (editors of the posting organisation, coordinators)",
                body: PartnerCallWriteDTO.self, answer: PartnerCallDTO.self),
        ]
    }

    static var directory: [APIOperation] {
        [
            .list(
                .apiPlaces, id: "listPlaces", summary: "Places of encounter, filtered like the directory",
                of: PlaceDTO.self, query: APIQueryParameter.placeFilters),
            APIOperation(
                endpoint: .apiPlacesGeoJSON, method: .get, id: "placesGeoJSON",
                summary: "Places with coordinates as an RFC 7946 GeoJSON FeatureCollection",
                answer: .dto(PlacesGeoJSON.self, mediaType: .geojson), cached: true),
            .read(.apiPlace, id: "getPlace", summary: "One place", PlaceDTO.self),
            .list(
                .apiActivities, id: "listActivities",
                summary: "Activities in the directory (What's on), page by page, best match first for a search",
                of: ActivityDTO.self, query: APIQueryParameter.activityFilters),
            .create(
                .apiActivities, id: "createActivity",
                summary: "Add an activity (editors of its organisation, coordinators)",
                body: ActivityWriteDTO.self, answer: ActivityDTO.self),
            .read(.apiActivity, id: "getActivity", summary: "One activity", ActivityDTO.self, cached: true),
            .update(
                .apiActivity, id: "updateActivity",
                summary: "Change an activity (editors of its organisation, coordinators)",
                body: ActivityWriteDTO.self, answer: ActivityDTO.self),
            .list(
                .apiCategories, id: "listCategories", summary: "The city's activity categories in their order",
                of: CategoryDTO.self),
            .list(
                .apiEvents, id: "listEvents", summary: "Published and cancelled events, earliest first",
                of: EventDTO.self, query: APIQueryParameter.eventFilters),
            .create(
                .apiEvents, id: "createEvent", summary: "Announce an event (editors of its organisers, coordinators)",
                body: EventWriteDTO.self, answer: EventDTO.self),
            .read(.apiEvent, id: "getEvent", summary: "One event", EventDTO.self, cached: true),
            .update(
                .apiEvent, id: "updateEvent", summary: "Change an event (editors of its organisers, coordinators)",
                body: EventWriteDTO.self, answer: EventDTO.self),
        ]
    }

    static var exchange: [APIOperation] {
        [
            APIOperation(
                endpoint: .apiHSDSServices, method: .get, id: "listHSDSServices",
                summary: "Published activities as Open Referral HSDS 3.0 services, in HSDS pages",
                answer: .dto(HSDSPage<HSDSServiceDTO>.self), query: APIQueryParameter.hsdsPaging, cached: true,
                checksQuery: true),
            .read(
                .apiHSDSService, id: "getHSDSService",
                summary: "One activity as a full HSDS 3.0 service (organization, schedules, languages, locations)",
                HSDSServiceDTO.self, cached: true),
            APIOperation(
                endpoint: .apiHSDSTabular, method: .get, id: "getHSDSTabular",
                summary: "The published directory as an HSDS 3.0 tabular data package: CSV files and datapackage.json",
                answer: .other(.string(contentMediaType: .zip), mediaType: .zip), cached: true),
        ]
    }

    static var volunteering: [APIOperation] {
        [
            .list(
                .apiOpportunities, id: "listOpportunities", summary: "Open volunteer opportunities, newest first",
                of: OpportunityDTO.self, query: APIQueryParameter.opportunityFilters),
            .read(
                .apiOpportunity, id: "getOpportunity", summary: "One volunteer opportunity", OpportunityDTO.self,
                cached: true),
            .list(
                .apiEngagements, id: "listEngagements",
                summary:
                    "Engagements of volunteers with the reader's organisations (editors, coordinators), with approved "
                    + "minutes; a volunteer is named only with their consent",
                of: EngagementDTO.self, access: .permitted),
            .list(
                .apiTrainings, id: "listTrainings",
                summary: "Trainings the city and its organisations give volunteers, with their next sessions",
                of: TrainingDTO.self),
            .read(.apiTraining, id: "getTraining", summary: "One training", TrainingDTO.self, cached: true),
        ]
    }

    static var plans: [APIOperation] {
        [
            .list(.apiPlans, id: "listPlans", summary: "The city's action plans", of: PlanSummaryDTO.self),
            .read(
                .apiPlan, id: "getPlan",
                summary:
                    "One action plan: its objectives, actions, risks, and KPIs with their readings, latest value, "
                    + "target and status",
                PlanDetailDTO.self, cached: true),
        ]
    }
}
