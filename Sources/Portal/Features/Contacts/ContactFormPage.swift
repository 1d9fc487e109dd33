import HTML

/// `/account/contacts/new` and `/account/contacts/:id`: the contact form, and on an existing
/// contact the way to delete it.
enum ContactFormPage {
    enum Mode: Sendable {
        case create
        /// An existing contact, with the name its delete confirmation quotes.
        case edit(publicID: String, displayName: String)
    }

    struct Model: Sendable {
        let mode: Mode
        var fields: ContactFields
        var errors = FieldErrors()
        /// Why the contact could not be deleted.
        var refusal: Text?
    }

    static func title(_ mode: Mode) -> Text {
        switch mode {
        case .create: return .contacts(.newTitle)
        case .edit: return .contacts(.editTitle)
        }
    }

    static var countryChoices: [SelectField.Choice] {
        ContactDetails.countries.map { SelectField.Choice(value: $0.code, text: $0.name) }
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            PageHeader(title: catalog(ContactFormPage.title(model.mode)), lead: catalog(.contacts(.formLead)))
            // At the top, not beside the delete button: the page reloads scrolled to the top.
            if let refusal = model.refusal { Alert(kind: .danger, message: catalog(refusal)) }
            div(.class("stack")) {
                ContactForm(model: model, catalog: catalog, csrf: csrf)
                if case .edit(let publicID, let displayName) = model.mode {
                    DeleteContactSection(publicID: publicID, displayName: displayName, catalog: catalog, csrf: csrf)
                }
            }
        }
    }
}

/// The details of one contact, with each error beside its field.
struct ContactForm: HTML {
    let model: ContactFormPage.Model
    let catalog: Catalog
    let csrf: String

    var content: some HTML {
        typealias F = ContactFields.Field
        let fields = model.fields
        let errors = model.errors
        func error(_ field: String) -> String? { errors[field].map { catalog($0) } }
        func optional(_ text: Text) -> String { catalog(.profile(.optional(catalog(text)))) }
        let action: SiteRoute
        switch model.mode {
        case .create: action = .contactCreateSubmit
        case .edit(let publicID, _): action = .contactEditSubmit(publicID)
        }
        // The page's h1 already names the form.
        return div(.class("card stack")) {
            if !errors.isEmpty { Alert(kind: .danger, message: catalog(.formHasErrors)) }
            form(.method("post"), .action(action.path), .class("stack"), .novalidate) {
                CSRFField(token: csrf)
                KindField(selected: fields.kind, error: error(F.kind), catalog: catalog)
                FormField(id: F.name, labelText: catalog(.contacts(.fieldName)), value: fields.name, error: error(F.name),
                          hint: catalog(.contacts(.fieldNameHint)), required: true, maxLength: AccountProfile.nameLimit)
                FormField(id: F.organization, labelText: catalog(.contacts(.fieldOrganization)), value: fields.organization,
                          error: error(F.organization), hint: catalog(.contacts(.fieldOrganizationHint)), maxLength: AccountProfile.companyLimit)
                FormField(id: F.email, labelText: catalog(.contacts(.fieldEmail)), type: "email", value: fields.email, error: error(F.email),
                          hint: catalog(.contacts(.fieldEmailHint)), required: true, maxLength: 254)
                FormField(id: F.phone, labelText: catalog(.profile(.fieldPhone)), type: "tel", value: fields.phone, error: error(F.phone),
                          hint: catalog(.contacts(.fieldPhoneHint)), required: true, maxLength: 30)
                FormField(id: F.addressLine1, labelText: catalog(.profile(.fieldAddressLine1)), value: fields.addressLine1,
                          error: error(F.addressLine1), required: true, maxLength: AccountProfile.addressLimit)
                FormField(id: F.addressLine2, labelText: optional(.profile(.fieldAddressLine2)), value: fields.addressLine2,
                          error: error(F.addressLine2), maxLength: AccountProfile.addressLimit)
                FormField(id: F.postalCode, labelText: optional(.profile(.fieldPostalCode)), value: fields.postalCode,
                          error: error(F.postalCode), hint: catalog(.contacts(.fieldPostalCodeHint)), maxLength: AccountProfile.postalCodeLimit)
                FormField(id: F.city, labelText: catalog(.profile(.fieldCity)), value: fields.city, error: error(F.city),
                          required: true, maxLength: AccountProfile.cityLimit)
                SelectField(id: F.country, labelText: catalog(.profile(.fieldCountry)), choices: ContactFormPage.countryChoices,
                            selected: fields.country, placeholder: catalog(.profile(.chooseCountry)), error: error(F.country), required: true)
                div(.class("actions")) {
                    button(.type("submit")) {
                        catalog(.contacts(model.isNew ? .createSubmit : .saveSubmit))
                    }
                    a(.class("button button-secondary"), .href(SiteRoute.contacts.path)) { catalog(.contacts(.backToList)) }
                }
            }
        }
    }
}

extension ContactFormPage.Model {
    var isNew: Bool {
        if case .create = mode { return true }
        return false
    }
}

/// Individual or organisation, as two radio buttons in a fieldset that carries the error.
struct KindField: HTML {
    let selected: String
    let error: String?
    let catalog: Catalog

    var content: some HTML {
        let id = ContactFields.Field.kind
        fieldset(.class("field"), .ariaDescribedBy(id + "-error").when(error != nil)) {
            legend(.class("label")) { catalog(.contacts(.fieldKind)) }
            for kind in ContactKind.allCases {
                div(.class("checkbox")) {
                    input(.type("radio"), .id(id + "-" + kind.rawValue), .name(id), .value(kind.rawValue),
                          .checked.when(selected == kind.rawValue), .required, .ariaInvalid(true).when(error != nil))
                    label(.for(id + "-" + kind.rawValue)) { catalog(kind.text) }
                }
            }
            if let error {
                span(.class("field-error"), .id(id + "-error")) { error }
            }
        }
    }
}

/// Deleting a contact: the app's script asks for confirmation (`data-confirm`); without it the form just deletes.
struct DeleteContactSection: HTML {
    let publicID: String
    let displayName: String
    let catalog: Catalog
    let csrf: String

    var content: some HTML {
        section(.class("card stack"), .aria("labelledby", "contact-delete-title")) {
            h2(.id("contact-delete-title")) { catalog(.contacts(.deleteTitle)) }
            p(.class("muted")) { catalog(.contacts(.deleteLead)) }
            form(.method("post"), .action(SiteRoute.contactDeleteSubmit(publicID).path), .class("inline-form"),
                 .data("confirm", catalog(.contacts(.deleteConfirm(displayName))))) {
                CSRFField(token: csrf)
                button(.type("submit"), .class("button-danger")) { catalog(.contacts(.deleteSubmit)) }
            }
        }
    }
}
