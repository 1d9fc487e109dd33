import Foundation

/// Whether a contact is a person or an organisation; registries publish and check the two differently.
enum ContactKind: String, Sendable, CaseIterable {
    case individual
    case organization
}

/// A domain contact as stored: entered once, then named as registrant, administrative, technical
/// or billing contact of the account's domains.
struct Contact: Sendable, Decodable {
    let id: Int64
    let publicId: String
    let accountId: Int64
    let kind: String
    let name: String
    let organization: String
    let email: String
    let phone: String
    let addressLine1: String
    let addressLine2: String
    let postalCode: String
    let city: String
    let country: String
    let createdAt: Date
    let updatedAt: Date

    /// Rows are written only from validated details; an unknown kind can only come from a newer release.
    var contactKind: ContactKind { ContactKind(rawValue: kind) ?? .individual }

    var details: ContactDetails {
        ContactDetails(kind: contactKind, name: name, organization: organization, email: email, phone: phone,
                       addressLine1: addressLine1, addressLine2: addressLine2, postalCode: postalCode, city: city, country: country)
    }
}

extension ContactKind {
    var text: Text {
        switch self {
        case .individual: return .contacts(.kindIndividual)
        case .organization: return .contacts(.kindOrganization)
        }
    }
}
