import Foundation
import HTTPServer

/// A contact form as typed, kept verbatim so an invalid form comes back as it was.
struct ContactFields: Sendable, Equatable {
    var kind = ContactKind.individual.rawValue
    var name = ""
    var organization = ""
    var email = ""
    var phone = ""
    var addressLine1 = ""
    var addressLine2 = ""
    var postalCode = ""
    var city = ""
    var country = ""

    /// The form field names, shared by the view and the parser. The address fields are named as
    /// on the account details form so that browsers fill both the same way.
    enum Field {
        static let kind = "kind", name = "name", organization = "organization", email = "email", phone = "phone"
        static let addressLine1 = ProfileFields.Field.addressLine1, addressLine2 = ProfileFields.Field.addressLine2
        static let postalCode = ProfileFields.Field.postalCode, city = ProfileFields.Field.city, country = ProfileFields.Field.country
    }

    init() {}

    init(_ details: ContactDetails) {
        kind = details.kind.rawValue
        name = details.name
        organization = details.organization
        email = details.email
        phone = details.phone
        addressLine1 = details.addressLine1
        addressLine2 = details.addressLine2
        postalCode = details.postalCode
        city = details.city
        country = details.country
    }

    /// Reads the submitted form, clipping absurd lengths so an error page never echoes megabytes.
    init(form: FormData) {
        func value(_ key: String) -> String { String((form[key] ?? "").prefix(1000)) }
        kind = value(Field.kind)
        name = value(Field.name)
        organization = value(Field.organization)
        email = value(Field.email)
        phone = value(Field.phone)
        addressLine1 = value(Field.addressLine1)
        addressLine2 = value(Field.addressLine2)
        postalCode = value(Field.postalCode)
        city = value(Field.city)
        country = value(Field.country)
    }
}

/// Valid, normalized contact details, ready to store. The rules are the account details' rules
/// (`AccountProfile`, `PhoneNumber`, `Countries`, `Validation.email`) plus what registries insist on:
/// an email, a phone number, a street and a city for every contact, and a name for an organisation.
struct ContactDetails: Sendable, Equatable {
    let kind: ContactKind
    let name: String
    /// Empty for an individual.
    let organization: String
    let email: String
    /// E.164.
    let phone: String
    let addressLine1: String
    let addressLine2: String
    let postalCode: String
    let city: String
    /// ISO 3166-1 alpha-2.
    let country: String

    /// Codes that `Countries` lists for invoicing but that are not ISO 3166-1, which registries require.
    static let nonISOCountries: Set<String> = ["XI"]

    static var countries: [Countries.Country] { Countries.all.filter { !nonISOCountries.contains($0.code) } }

    static func isAcceptedCountry(_ code: String) -> Bool { Countries.isKnown(code) && !nonISOCountries.contains(code) }

    /// The rules of the contact form; the errors name form fields.
    static func validate(_ fields: ContactFields) -> Result<ContactDetails, ContactFieldErrors> {
        typealias F = ContactFields.Field
        var errors = FieldErrors()
        func text(_ raw: String, _ field: String, limit: Int, required: Bool) -> String {
            let checked = AccountProfile.freeText(raw, limit: limit, required: required)
            if let problem = checked.problem { errors[field] = problem }
            return checked.value
        }

        let kind = ContactKind(rawValue: fields.kind.trimmingCharacters(in: .whitespaces))
        if kind == nil { errors[F.kind] = fields.kind.isEmpty ? .fieldRequired : .contacts(.kindUnknown) }

        let name = text(fields.name, F.name, limit: AccountProfile.nameLimit, required: true)
        let organization = text(fields.organization, F.organization, limit: AccountProfile.companyLimit, required: false)
        if kind == .organization, organization.isEmpty { errors[F.organization] = .contacts(.organizationRequired) }
        // A registry would read an organisation on an individual as an organisation registrant: ask rather than guess.
        if kind == .individual, !organization.isEmpty, errors[F.organization] == nil { errors[F.organization] = .contacts(.organizationForIndividual) }

        let email = fields.email.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = Validation.email(email) { errors[F.email] = problem }

        let phone = PhoneNumber.normalize(fields.phone)
        if phone.isEmpty { errors[F.phone] = .fieldRequired }
        else if !PhoneNumber.isValid(phone) { errors[F.phone] = .profile(.phoneInvalid) }

        let address1 = text(fields.addressLine1, F.addressLine1, limit: AccountProfile.addressLimit, required: true)
        let address2 = text(fields.addressLine2, F.addressLine2, limit: AccountProfile.addressLimit, required: false)
        let postalCode = text(fields.postalCode, F.postalCode, limit: AccountProfile.postalCodeLimit, required: false)
        let city = text(fields.city, F.city, limit: AccountProfile.cityLimit, required: true)

        let country = fields.country.trimmingCharacters(in: .whitespaces).uppercased()
        if country.isEmpty { errors[F.country] = .fieldRequired }
        else if !isAcceptedCountry(country) { errors[F.country] = .profile(.countryUnknown) }

        guard errors.isEmpty, let kind else { return .failure(ContactFieldErrors(errors: errors)) }
        return .success(ContactDetails(kind: kind, name: name, organization: organization, email: email, phone: phone,
                                       addressLine1: address1, addressLine2: address2, postalCode: postalCode, city: city, country: country))
    }

    /// The name shown in lists and the audit log: the organisation's, with the person's beside it.
    var displayName: String { organization.isEmpty ? name : "\(organization) (\(name))" }

    /// Every field as "field: value", in form order; the audit log stores these (not translated: it is a record).
    var auditFields: [(String, String)] {
        [("kind", kind.rawValue), ("name", name), ("organization", organization), ("email", email), ("phone", phone),
         ("address_line1", addressLine1), ("address_line2", addressLine2), ("postal_code", postalCode), ("city", city),
         ("country", country)]
    }

    /// The whole contact, for the log of a creation or deletion.
    var auditSummary: String {
        auditFields.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
    }

    /// Only the fields that differ, before and after, for the log of an update.
    static func auditChanges(from old: ContactDetails, to new: ContactDetails) -> (before: String, after: String) {
        let changed = zip(old.auditFields, new.auditFields).filter { $0.0.1 != $0.1.1 }
        return (changed.map { "\($0.0.0): \($0.0.1)" }.joined(separator: "; "),
                changed.map { "\($0.1.0): \($0.1.1)" }.joined(separator: "; "))
    }
}

/// `FieldErrors` as an `Error`, so validation can return a `Result`.
struct ContactFieldErrors: Error, Sendable, Equatable {
    let errors: FieldErrors
}
