import HTML

/// `/account/contacts`: the account's domain contacts, or an invitation to add the first one.
enum ContactListPage {
    struct Row: Sendable {
        let publicID: String
        let name: String
        let organization: String
        let email: String
        let country: String
        let kind: Text
    }

    struct Model: Sendable {
        let rows: [Row]
        /// What the last change did, shown once after its redirect.
    }

    static func model(_ contacts: [Contact]) -> Model {
        let rows = contacts.map { contact in
            Row(publicID: contact.publicId, name: contact.name, organization: contact.organization, email: contact.email,
                country: Countries.name(of: contact.country) ?? contact.country, kind: contact.contactKind.text)
        }
        return Model(rows: rows)
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog

        var content: some HTML {
            div(.class("page-header")) {
                div {
                    h1 { catalog(.contacts(.title)) }
                    p { catalog(.contacts(.lead)) }
                }
                if !model.rows.isEmpty {
                    a(.class("button"), .href(SiteRoute.contactNew.path)) { catalog(.contacts(.newContact)) }
                }
            }
            if model.rows.isEmpty {
                section(.class("card stack"), .aria("labelledby", "contacts-empty-title")) {
                    h2(.id("contacts-empty-title")) { catalog(.contacts(.emptyTitle)) }
                    p(.class("muted")) { catalog(.contacts(.emptyLead)) }
                    p { a(.class("button"), .href(SiteRoute.contactNew.path)) { catalog(.contacts(.newContact)) } }
                }
            } else {
                div(.class("card table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { catalog(.contacts(.columnName)) }
                                th(.scope("col")) { catalog(.contacts(.columnOrganization)) }
                                th(.scope("col")) { catalog(.contacts(.columnEmail)) }
                                th(.scope("col")) { catalog(.contacts(.columnCountry)) }
                                th(.scope("col")) { catalog(.contacts(.columnKind)) }
                            }
                        }
                        tbody {
                            for row in model.rows {
                                tr {
                                    td {
                                        a(.href(SiteRoute.contactEdit(row.publicID).path), .aria("label", catalog(.contacts(.editContact(row.name))))) {
                                            row.name
                                        }
                                    }
                                    td { row.organization }
                                    td { row.email }
                                    td { row.country }
                                    td { span(.class("tag")) { catalog(row.kind) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
