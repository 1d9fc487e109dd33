import Foundation
import HTTPServer

/// The account's details as typed in the form, kept verbatim so an invalid form comes back as it was.
struct ProfileFields: Sendable, Equatable {
    var name = ""
    var company = ""
    var addressLine1 = ""
    var addressLine2 = ""
    var postalCode = ""
    var city = ""
    var country = ""
    var phone = ""
    var vatNumber = ""
    var language = Language.english.code
    var timeZone = TimeZones.defaultIdentifier

    /// The form field names, shared by the view and the parser.
    enum Field {
        static let name = "name", company = "company", addressLine1 = "address_line1", addressLine2 = "address_line2"
        static let postalCode = "postal_code", city = "city", country = "country", phone = "phone"
        static let vatNumber = "vat_number", language = "language", timeZone = "time_zone"
    }

    init() {}

    init(_ account: Account) {
        name = account.name
        company = account.company
        addressLine1 = account.addressLine1
        addressLine2 = account.addressLine2
        postalCode = account.postalCode
        city = account.city
        country = account.country
        phone = account.phone
        vatNumber = account.vatNumber
        language = account.language
        timeZone = account.timeZone.isEmpty ? TimeZones.defaultIdentifier : account.timeZone
    }

    /// Reads the submitted form, clipping absurd lengths so an error page never echoes megabytes.
    init(form: FormData) {
        func value(_ key: String) -> String { String((form[key] ?? "").prefix(1000)) }
        name = value(Field.name)
        company = value(Field.company)
        addressLine1 = value(Field.addressLine1)
        addressLine2 = value(Field.addressLine2)
        postalCode = value(Field.postalCode)
        city = value(Field.city)
        country = value(Field.country)
        phone = value(Field.phone)
        vatNumber = value(Field.vatNumber)
        language = value(Field.language)
        timeZone = value(Field.timeZone)
    }
}

/// Valid, normalized account details, ready to store.
struct AccountProfile: Sendable, Equatable {
    let name: String
    let company: String
    let addressLine1: String
    let addressLine2: String
    let postalCode: String
    let city: String
    let country: String
    let phone: String
    let vatNumber: String
    let language: String
    let timeZone: String

    static let nameLimit = 100
    static let companyLimit = 100
    static let addressLimit = 100
    static let postalCodeLimit = 20
    static let cityLimit = 100

    /// The rule of every free-text field of an address (here and in domain contacts): trimmed,
    /// present when required, within `limit` characters, no control characters.
    static func freeText(_ raw: String, limit: Int, required: Bool = false) -> (value: String, problem: Text?) {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            return (value, required ? .fieldRequired : nil)
        } else if value.count > limit {
            return (value, .fieldTooLong(limit))
        } else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return (value, .profile(.fieldControlCharacters))
        }
        return (value, nil)
    }

    /// The rules of the details form; the errors name form fields.
    static func validate(_ fields: ProfileFields) -> Result<AccountProfile, ProfileFieldErrors> {
        var errors = FieldErrors()
        func text(_ raw: String, _ field: String, limit: Int, required: Bool = false) -> String {
            let checked = freeText(raw, limit: limit, required: required)
            if let problem = checked.problem { errors[field] = problem }
            return checked.value
        }
        typealias F = ProfileFields.Field
        let name = text(fields.name, F.name, limit: nameLimit, required: true)
        let company = text(fields.company, F.company, limit: companyLimit)
        let address1 = text(fields.addressLine1, F.addressLine1, limit: addressLimit)
        let address2 = text(fields.addressLine2, F.addressLine2, limit: addressLimit)
        let postalCode = text(fields.postalCode, F.postalCode, limit: postalCodeLimit)
        let city = text(fields.city, F.city, limit: cityLimit)

        let country = fields.country.trimmingCharacters(in: .whitespaces).uppercased()
        if country.isEmpty { errors[F.country] = .fieldRequired }
        else if !Countries.isKnown(country) { errors[F.country] = .profile(.countryUnknown) }

        let phone = PhoneNumber.normalize(fields.phone)
        if !phone.isEmpty && !PhoneNumber.isValid(phone) { errors[F.phone] = .profile(.phoneInvalid) }

        var vat = VATNumber.normalize(fields.vatNumber)
        if !vat.isEmpty && errors[F.country] == nil {
            switch VATNumber.problem(vat, country: country) {
            case nil: vat = VATNumber.canonical(vat, country: country)
            case .countryNotEU: errors[F.vatNumber] = .profile(.vatCountryNotEU)
            case .wrongPrefix(let expected):
                errors[F.vatNumber] = .profile(.vatWrongPrefix(prefix: expected, country: Countries.name(of: country) ?? country))
            case .badFormat(let example): errors[F.vatNumber] = .profile(.vatBadFormat(example: example))
            }
        }

        let language = fields.language.trimmingCharacters(in: .whitespaces)
        if Language(rawValue: language) == nil { errors[F.language] = .profile(.languageUnknown) }

        let timeZone = fields.timeZone.trimmingCharacters(in: .whitespaces)
        if !TimeZones.isKnown(timeZone) { errors[F.timeZone] = .profile(.timeZoneUnknown) }

        guard errors.isEmpty else { return .failure(ProfileFieldErrors(errors: errors)) }
        return .success(AccountProfile(name: name, company: company, addressLine1: address1, addressLine2: address2,
                                       postalCode: postalCode, city: city, country: country, phone: phone,
                                       vatNumber: vat, language: language, timeZone: timeZone))
    }
}

/// `FieldErrors` as an `Error`, so validation can return a `Result`.
struct ProfileFieldErrors: Error, Sendable, Equatable {
    let errors: FieldErrors
}

/// Which optional emails the account receives. Security emails are not a choice.
struct AccountPreferences: Sendable, Equatable {
    let billing: Bool
    let technical: Bool
    let commercial: Bool

    enum Field {
        static let billing = "pref_billing", technical = "pref_technical", commercial = "pref_commercial"
    }

    init(billing: Bool, technical: Bool, commercial: Bool) {
        self.billing = billing
        self.technical = technical
        self.commercial = commercial
    }

    init(_ account: Account) {
        self.init(billing: account.prefBilling, technical: account.prefTechnical, commercial: account.prefCommercial)
    }

    /// An unchecked box is simply absent from the form.
    init(form: FormData) {
        self.init(billing: form[Field.billing] != nil, technical: form[Field.technical] != nil, commercial: form[Field.commercial] != nil)
    }
}
