import HTML

private typealias EmailField = IdentityService.EmailChangeField

/// `/account`: the account's details, its communication preferences and the sign-in email.
/// Someone without the profile permission sees only the email part (on `/account/password`).
enum AccountPage {
    /// The details form: what is stored, or what was typed with its errors.
    struct Details: Sendable {
        var fields: ProfileFields
        var errors = FieldErrors()
    }

    struct Model: Sendable {
        let details: Details?
        let preferences: AccountPreferences?
        let email: EmailSection.Model
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            PageHeader(title: catalog(.profile(.title)), lead: catalog(.profile(.lead)))
            div(.class("stack")) {
                if let details = model.details {
                    DetailsForm(details: details, catalog: catalog, csrf: csrf)
                }
                if let preferences = model.preferences {
                    PreferencesForm(preferences: preferences, catalog: catalog, csrf: csrf)
                }
                EmailSection(model: model.email, catalog: catalog, csrf: csrf)
            }
        }
    }

    static var countryChoices: [SelectField.Choice] {
        Countries.all.map { SelectField.Choice(value: $0.code, text: $0.name) }
    }

    static func languageChoices(_ catalog: Catalog) -> [SelectField.Choice] {
        Language.allCases.map { SelectField.Choice(value: $0.code, text: catalog(.profile(.languageName($0)))) }
    }

    static var timeZoneChoices: [SelectField.Choice] {
        TimeZones.all.map { SelectField.Choice(value: $0, text: $0.replacingOccurrences(of: "_", with: " ")) }
    }
}

/// The personal and company details form.
struct DetailsForm: HTML {
    let details: AccountPage.Details
    let catalog: Catalog
    let csrf: String

    var content: some HTML {
        let fields = details.fields
        let errors = details.errors
        typealias F = ProfileFields.Field
        func error(_ field: String) -> String? { errors[field].map { catalog($0) } }
        func optional(_ text: ProfileText) -> String { catalog(.profile(.optional(catalog(.profile(text))))) }
        return section(.class("card stack"), .aria("labelledby", "details-title")) {
            h2(.id("details-title")) { catalog(.profile(.detailsTitle)) }
            p(.class("muted")) { catalog(.profile(.detailsLead)) }
            if !errors.isEmpty { Alert(kind: .danger, message: catalog(.formHasErrors)) }
            form(.method("post"), .action(SiteRoute.accountSubmit.path), .class("stack"), .novalidate) {
                CSRFField(token: csrf)
                FormField(id: F.name, labelText: catalog(.profile(.fieldName)), value: fields.name, error: error(F.name),
                          hint: catalog(.profile(.fieldNameHint)), autocomplete: "name", required: true, maxLength: AccountProfile.nameLimit)
                FormField(id: F.company, labelText: optional(.fieldCompany), value: fields.company, error: error(F.company),
                          autocomplete: "organization", maxLength: AccountProfile.companyLimit)
                FormField(id: F.addressLine1, labelText: optional(.fieldAddressLine1), value: fields.addressLine1, error: error(F.addressLine1),
                          autocomplete: "address-line1", maxLength: AccountProfile.addressLimit)
                FormField(id: F.addressLine2, labelText: optional(.fieldAddressLine2), value: fields.addressLine2, error: error(F.addressLine2),
                          autocomplete: "address-line2", maxLength: AccountProfile.addressLimit)
                FormField(id: F.postalCode, labelText: optional(.fieldPostalCode), value: fields.postalCode, error: error(F.postalCode),
                          autocomplete: "postal-code", maxLength: AccountProfile.postalCodeLimit)
                FormField(id: F.city, labelText: optional(.fieldCity), value: fields.city, error: error(F.city),
                          autocomplete: "address-level2", maxLength: AccountProfile.cityLimit)
                SelectField(id: F.country, labelText: catalog(.profile(.fieldCountry)), choices: AccountPage.countryChoices,
                            selected: fields.country, placeholder: catalog(.profile(.chooseCountry)), error: error(F.country),
                            required: true, autocomplete: "country")
                FormField(id: F.phone, labelText: optional(.fieldPhone), type: "tel", value: fields.phone, error: error(F.phone),
                          hint: catalog(.profile(.fieldPhoneHint)), autocomplete: "tel", maxLength: 30)
                FormField(id: F.vatNumber, labelText: optional(.fieldVAT), value: fields.vatNumber, error: error(F.vatNumber),
                          hint: catalog(.profile(.fieldVATHint)), maxLength: 30)
                SelectField(id: F.language, labelText: catalog(.profile(.fieldLanguage)), choices: AccountPage.languageChoices(catalog),
                            selected: fields.language, error: error(F.language), required: true)
                SelectField(id: F.timeZone, labelText: catalog(.profile(.fieldTimeZone)), choices: AccountPage.timeZoneChoices,
                            selected: fields.timeZone, error: error(F.timeZone), hint: catalog(.profile(.fieldTimeZoneHint)), required: true)
                div(.class("actions")) { button(.type("submit")) { catalog(.profile(.saveDetails)) } }
            }
        }
    }
}

/// Which optional emails the account receives; security emails are shown as always on.
struct PreferencesForm: HTML {
    let preferences: AccountPreferences
    let catalog: Catalog
    let csrf: String

    var content: some HTML {
        section(.class("card stack"), .aria("labelledby", "preferences-title")) {
            h2(.id("preferences-title")) { catalog(.profile(.preferencesTitle)) }
            form(.method("post"), .action(SiteRoute.accountPreferencesSubmit.path), .class("stack")) {
                CSRFField(token: csrf)
                fieldset(.class("stack")) {
                    legend(.class("muted")) { catalog(.profile(.preferencesLead)) }
                    CheckboxField(id: "pref_security", labelText: catalog(.profile(.preferenceSecurity)),
                                  hint: catalog(.profile(.preferenceSecurityHint)), checked: true, disabled: true)
                    CheckboxField(id: AccountPreferences.Field.billing, labelText: catalog(.profile(.preferenceBilling)),
                                  hint: catalog(.profile(.preferenceBillingHint)), checked: preferences.billing)
                    CheckboxField(id: AccountPreferences.Field.technical, labelText: catalog(.profile(.preferenceTechnical)),
                                  hint: catalog(.profile(.preferenceTechnicalHint)), checked: preferences.technical)
                    CheckboxField(id: AccountPreferences.Field.commercial, labelText: catalog(.profile(.preferenceCommercial)),
                                  hint: catalog(.profile(.preferenceCommercialHint)), checked: preferences.commercial)
                }
                div(.class("actions")) { button(.type("submit")) { catalog(.profile(.savePreferences)) } }
            }
        }
    }
}

/// Changing the sign-in email: the current password and the new address.
struct EmailSection: HTML {
    struct Model: Sendable {
        let current: String
        /// The address waiting for confirmation and until when its link works, in the account's time zone.
        let pending: (email: String, until: String)?
        var newEmail = ""
        var errors = FieldErrors()
    }

    let model: Model
    let catalog: Catalog
    let csrf: String

    var content: some HTML {
        let errors = model.errors
        section(.class("card stack"), .aria("labelledby", "email-title")) {
            h2(.id("email-title")) { catalog(.profile(.emailTitle)) }
            p { catalog(.profile(.emailCurrent(model.current))) }
            if let pending = model.pending {
                Alert(kind: .info, message: catalog(.profile(.emailPending(email: pending.email, until: pending.until))))
            }
            p(.class("muted")) { catalog(.profile(.emailLead)) }
            form(.method("post"), .action(SiteRoute.accountEmailChangeSubmit.path), .class("stack"), .novalidate) {
                CSRFField(token: csrf)
                FormField(id: EmailField.newEmail, labelText: catalog(.profile(.fieldNewEmail)), type: "email", value: model.newEmail,
                          error: errors[EmailField.newEmail].map { catalog($0) }, autocomplete: "email", required: true, maxLength: 254)
                FormField(id: EmailField.password, labelText: catalog(.fieldCurrentPassword), type: "password",
                          error: errors[EmailField.password].map { catalog($0) }, autocomplete: "current-password", required: true)
                div(.class("actions")) { button(.type("submit")) { catalog(.profile(.emailSubmit)) } }
            }
        }
    }
}
