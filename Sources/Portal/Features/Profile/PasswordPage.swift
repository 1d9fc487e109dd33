import HTML

/// `/account/password`: the current and the new password. Someone who cannot open `/account`
/// (a delegate without the profile permission) changes their sign-in email here too.
enum PasswordPage {
    enum Field {
        static let current = "current_password", new = "new_password"
    }

    struct Model: Sendable {
        /// For the hidden username field password managers need.
        let email: String
        var errors = FieldErrors()
        /// Present only when `/account` is out of reach.
        let emailSection: EmailSection.Model?
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            let errors = model.errors
            PageHeader(title: catalog(.profile(.passwordTitle)), lead: catalog(.profile(.passwordLead)))
            div(.class("stack")) {
                section(.class("card stack")) {
                    if !errors.isEmpty { Alert(kind: .danger, message: catalog(.formHasErrors)) }
                    form(.method("post"), .action(SiteRoute.accountPasswordSubmit.path), .class("stack"), .novalidate) {
                        CSRFField(token: csrf)
                        input(.type("text"), .name("username"), .autocomplete("username"), .hidden, .ariaHidden, .value(model.email))
                        FormField(id: Field.current, labelText: catalog(.fieldCurrentPassword), type: "password",
                                  error: errors[Field.current].map { catalog($0) }, autocomplete: "current-password", required: true)
                        FormField(id: Field.new, labelText: catalog(.fieldNewPassword), type: "password",
                                  error: errors[Field.new].map { catalog($0) }, hint: catalog(.passwordHint),
                                  autocomplete: "new-password", required: true)
                        div(.class("actions")) { button(.type("submit")) { catalog(.profile(.passwordSubmit)) } }
                    }
                }
                if let emailSection = model.emailSection {
                    EmailSection(model: emailSection, catalog: catalog, csrf: csrf)
                }
            }
        }
    }
}
