/// Strings of the Contacts area (see `Text`).
public enum ContactsText: Sendable, Hashable {
    case title
    case lead

    // List
    case newContact
    case emptyTitle
    case emptyLead
    case columnName
    case columnOrganization
    case columnEmail
    case columnCountry
    case columnKind
    case editContact(String)
    case kindIndividual
    case kindOrganization

    // Form
    case newTitle
    case editTitle
    case formLead
    case fieldKind
    case fieldName
    case fieldNameHint
    case fieldOrganization
    case fieldOrganizationHint
    case fieldEmail
    case fieldEmailHint
    case fieldPhoneHint
    case fieldPostalCodeHint
    case createSubmit
    case saveSubmit
    case backToList

    // Validation
    case kindUnknown
    case organizationRequired
    case organizationForIndividual

    // Deleting
    case deleteTitle
    case deleteLead
    case deleteSubmit
    case deleteConfirm(String)
    case inUse(Int)

    // After a change
    case created
    case saved
    case deleted
}

extension Catalog {
    static func english(_ text: ContactsText) -> String {
        switch text {
        case .title: return "Domain contacts"
        case .lead: return "The people and organisations you name as owner, administrative, technical or billing contact of your domains. Enter them once here, then pick them when you register or transfer a domain."

        case .newContact: return "New contact"
        case .emptyTitle: return "No contacts yet"
        case .emptyLead: return "Registries need an owner and contacts with a postal address, an email and a phone number for every domain. Add them now and ordering a domain takes a moment."
        case .columnName: return "Name"
        case .columnOrganization: return "Organisation"
        case .columnEmail: return "Email"
        case .columnCountry: return "Country"
        case .columnKind: return "Type"
        case .editContact(let name): return "Edit the contact \(name)"
        case .kindIndividual: return "Individual"
        case .kindOrganization: return "Organisation"

        case .newTitle: return "New contact"
        case .editTitle: return "Edit contact"
        case .formLead: return "Registries publish or check these details: enter them as they appear on official documents. Fields marked optional can stay empty."
        case .fieldKind: return "This contact is"
        case .fieldName: return "Full name"
        case .fieldNameHint: return "For an organisation, the person registries can reach there."
        case .fieldOrganization: return "Organisation name"
        case .fieldOrganizationHint: return "Only for an organisation: its registered name."
        case .fieldEmail: return "Email address"
        case .fieldEmailHint: return "Registries send confirmations and transfer requests here."
        case .fieldPhoneHint: return "International format: + and the country code, e.g. +33 1 23 45 67 89."
        case .fieldPostalCodeHint: return "Leave empty only where the country has no postal codes."
        case .createSubmit: return "Create contact"
        case .saveSubmit: return "Save changes"
        case .backToList: return "Back to contacts"

        case .kindUnknown: return "Choose individual or organisation."
        case .organizationRequired: return "Enter the organisation’s name, or choose individual."
        case .organizationForIndividual: return "An individual has no organisation: leave this empty, or choose organisation."

        case .deleteTitle: return "Delete this contact"
        case .deleteLead: return "Deleting cannot be undone. A contact that a domain still names cannot be deleted."
        case .deleteSubmit: return "Delete contact"
        case .deleteConfirm(let name): return "Delete the contact “\(name)”? This cannot be undone."
        case .inUse(let count):
            let domains = count == 1 ? "1 domain still names it" : "\(count) domains still name it"
            return "This contact cannot be deleted: \(domains). Give those domains another contact first, then delete this one."

        case .created: return "The contact is created."
        case .saved: return "The contact is saved."
        case .deleted: return "The contact is deleted."
        }
    }
}
