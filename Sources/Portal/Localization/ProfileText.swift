/// Strings of the Profile area (see `Text`).
public enum ProfileText: Sendable, Hashable {
    case title
    case lead
    case backToAccount

    // Details
    case detailsTitle
    case detailsLead
    case fieldName
    case fieldNameHint
    case fieldCompany
    case fieldAddressLine1
    case fieldAddressLine2
    case fieldPostalCode
    case fieldCity
    case fieldCountry
    case chooseCountry
    case fieldPhone
    case fieldPhoneHint
    case fieldVAT
    case fieldVATHint
    case fieldLanguage
    case fieldTimeZone
    case fieldTimeZoneHint
    case optional(String)
    case languageName(Language)
    case saveDetails
    case fieldControlCharacters
    case countryUnknown
    case phoneInvalid
    case vatCountryNotEU
    case vatWrongPrefix(prefix: String, country: String)
    case vatBadFormat(example: String)
    case languageUnknown
    case timeZoneUnknown

    // Communication preferences
    case preferencesTitle
    case preferencesLead
    case preferenceBilling
    case preferenceBillingHint
    case preferenceTechnical
    case preferenceTechnicalHint
    case preferenceCommercial
    case preferenceCommercialHint
    case preferenceSecurity
    case preferenceSecurityHint
    case savePreferences

    // Sign-in email
    case emailTitle
    case emailCurrent(String)
    case emailLead
    case emailPending(email: String, until: String)
    case fieldNewEmail
    case emailSubmit
    case wrongPassword
    case emailSameAsCurrent
    case emailConfirmTitle
    case emailConfirmLead(String)
    case emailConfirmSubmit
    case emailTakenMeanwhile
    case emailChangedNotification(String)

    // Password
    case passwordTitle
    case passwordLead
    case passwordSubmit
    case passwordWrongCurrent
}

extension Catalog {
    static func english(_ text: ProfileText) -> String {
        switch text {
        case .title: return "Account"
        case .lead: return "Your details appear on invoices and let us reach you about your services."
        case .backToAccount: return "Back to your account"

        case .detailsTitle: return "Personal and company details"
        case .detailsLead: return "Fields marked optional can stay empty."
        case .fieldName: return "Name"
        case .fieldNameHint: return "Your full name, or the name the account is known by."
        case .fieldCompany: return "Company"
        case .fieldAddressLine1: return "Address"
        case .fieldAddressLine2: return "Address line 2"
        case .fieldPostalCode: return "Postal code"
        case .fieldCity: return "City"
        case .fieldCountry: return "Country"
        case .chooseCountry: return "Choose a country…"
        case .fieldPhone: return "Phone number"
        case .fieldPhoneHint: return "International format: + and the country code, e.g. +33 1 23 45 67 89."
        case .fieldVAT: return "EU VAT number"
        case .fieldVATHint: return "For businesses in the European Union or Northern Ireland, with the country prefix, e.g. FR12345678901."
        case .fieldLanguage: return "Language"
        case .fieldTimeZone: return "Time zone"
        case .fieldTimeZoneHint: return "Dates and times in the panel are shown in this zone."
        case .optional(let label): return "\(label) (optional)"
        case .languageName(let language):
            switch language {
            case .english: return "English"
            }
        case .saveDetails: return "Save details"
        case .fieldControlCharacters: return "Remove the line breaks and other control characters."
        case .countryUnknown: return "Choose a country from the list."
        case .phoneInvalid: return "Enter the number in international format: + then the country code and 8 to 15 digits in all, e.g. +33 1 23 45 67 89."
        case .vatCountryNotEU: return "Only addresses in the European Union or Northern Ireland have an EU VAT number. Check the country, or leave this field empty."
        case .vatWrongPrefix(let prefix, let country): return "A VAT number from \(country) starts with \(prefix). Check the number and the country."
        case .vatBadFormat(let example): return "This is not a valid VAT number for the country chosen; it should look like \(example)."
        case .languageUnknown: return "Choose a language from the list."
        case .timeZoneUnknown: return "Choose a time zone from the list."

        case .preferencesTitle: return "Communication preferences"
        case .preferencesLead: return "Choose which emails Hosterra sends about this account."
        case .preferenceBilling: return "Billing"
        case .preferenceBillingHint: return "Invoices, receipts and payment reminders."
        case .preferenceTechnical: return "Technical and maintenance"
        case .preferenceTechnicalHint: return "Planned maintenance, incidents and expiry notices for your services."
        case .preferenceCommercial: return "News and offers"
        case .preferenceCommercialHint: return "A few emails a year about new products and offers. Off unless you turn it on."
        case .preferenceSecurity: return "Security"
        case .preferenceSecurityHint: return "Sign-in alerts and changes to your password, email or two-factor authentication. These always go out, to protect your account."
        case .savePreferences: return "Save preferences"

        case .emailTitle: return "Sign-in email address"
        case .emailCurrent(let email): return "You sign in with \(email)."
        case .emailLead: return "We send a link to the new address; the change takes effect once you follow it. Your current address gets a notice."
        case .emailPending(let email, let until): return "A confirmation link was sent to \(email). It works until \(until)."
        case .fieldNewEmail: return "New email address"
        case .emailSubmit: return "Send a confirmation link"
        case .wrongPassword: return "This is not your current password."
        case .emailSameAsCurrent: return "This is already your sign-in address."
        case .emailConfirmTitle: return "Confirm your new email address"
        case .emailConfirmLead(let email): return "Press the button to sign in with \(email) from now on."
        case .emailConfirmSubmit: return "Use this address"
        case .emailChangedNotification(let email): return "Your sign-in email address is now \(email)."
        case .emailTakenMeanwhile: return "Another Hosterra login started using this address since the link was sent. Ask for a change to another address."

        case .passwordTitle: return "Change your password"
        case .passwordLead: return "You stay signed in here; your other sessions are signed out."
        case .passwordSubmit: return "Change the password"
        case .passwordWrongCurrent: return "The current password is not correct."
        }
    }
}
