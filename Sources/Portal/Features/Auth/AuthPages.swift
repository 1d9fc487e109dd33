import HTML

/// /login: email and password.
struct LoginView: HTML {
    let catalog: Catalog
    let csrf: String
    var email = ""
    var next = ""
    var error: String?
    var notice: String?

    var content: some HTML {
        div(.class("card stack")) {
            h1 { catalog(.loginTitle) }
            if let notice { Alert(kind: .warning, message: notice) }
            if let error { Alert(kind: .danger, message: error) }
            form(.method("post"), .action(SiteRoute.loginSubmit.path), .class("stack")) {
                CSRFField(token: csrf)
                if !next.isEmpty { input(.type("hidden"), .name("next"), .value(next)) }
                FormField(id: "email", labelText: catalog(.fieldEmail), type: "email", value: email, autocomplete: "username", required: true, maxLength: 254, autofocus: email.isEmpty)
                FormField(id: "password", labelText: catalog(.fieldPassword), type: "password", autocomplete: "current-password", required: true, autofocus: !email.isEmpty)
                div(.class("actions")) {
                    button(.type("submit")) { catalog(.loginSubmit) }
                    a(.href(SiteRoute.passwordForgot.path)) { catalog(.loginForgot) }
                }
            }
            p(.class("muted")) {
                catalog(.loginNoAccount) + " "
                a(.href(SiteRoute.signup.path)) { catalog(.signupTitle) }
            }
        }
    }
}

/// /signup: name, email, password.
struct SignupView: HTML {
    let catalog: Catalog
    let csrf: String
    var name = ""
    var email = ""
    /// Where to go after the login that follows verification (an invitation), carried to the login page.
    var next = ""
    var errors = FieldErrors()
    /// A problem with the request as a whole (too many from this network), shown above the form.
    var refusal: String?

    var content: some HTML {
        div(.class("card stack")) {
            h1 { catalog(.signupTitle) }
            p(.class("muted")) { catalog(.signupLead) }
            if let refusal { Alert(kind: .danger, message: refusal) }
            else if !errors.isEmpty { Alert(kind: .danger, message: catalog(.formHasErrors)) }
            form(.method("post"), .action(SiteRoute.signupSubmit.path), .class("stack"), .novalidate) {
                CSRFField(token: csrf)
                if !next.isEmpty { input(.type("hidden"), .name("next"), .value(next)) }
                FormField(id: "name", labelText: catalog(.fieldName), value: name, error: errors["name"].map { catalog($0) }, autocomplete: "name", required: true, maxLength: 100)
                FormField(id: "email", labelText: catalog(.fieldEmail), type: "email", value: email, error: errors["email"].map { catalog($0) }, autocomplete: "email", required: true, maxLength: 254)
                FormField(id: "password", labelText: catalog(.fieldPassword), type: "password", error: errors["password"].map { catalog($0) },
                          hint: catalog(.passwordHint), autocomplete: "new-password", required: true)
                div(.class("actions")) {
                    button(.type("submit")) { catalog(.signupSubmit) }
                }
            }
            p(.class("muted")) {
                catalog(.signupHaveAccount) + " "
                a(.href(SiteRoute.login.url(query: next.isEmpty ? [] : [("next", next)]))) { catalog(.loginTitle) }
            }
        }
    }
}

/// A card with a title, a message and an optional link: outcomes of email links and requests.
struct MessageCard: HTML {
    let title: String
    let message: String
    var kind: AlertKind = .info
    var link: (label: String, route: SiteRoute)?

    var content: some HTML {
        div(.class("card stack")) {
            h1 { title }
            Alert(kind: kind, message: message)
            if let link { p { a(.class("button"), .href(link.route.path)) { link.label } } }
        }
    }
}

/// The page an email link opens: one button confirms, so that mail scanners fetching the link change nothing.
struct ConfirmTokenView: HTML {
    let title: String
    let message: String
    let buttonLabel: String
    let action: SiteRoute
    let token: String
    let csrf: String

    var content: some HTML {
        div(.class("card stack")) {
            h1 { title }
            p { message }
            form(.method("post"), .action(action.path)) {
                CSRFField(token: csrf)
                input(.type("hidden"), .name("token"), .value(token))
                button(.type("submit")) { buttonLabel }
            }
        }
    }
}

/// /password/forgot: an email address.
struct ForgotPasswordView: HTML {
    let catalog: Catalog
    let csrf: String
    var email = ""
    var error: String?
    /// A problem with the request as a whole (too many from this network), shown above the form.
    var refusal: String?

    var content: some HTML {
        div(.class("card stack")) {
            h1 { catalog(.forgotTitle) }
            p(.class("muted")) { catalog(.forgotLead) }
            if let refusal { Alert(kind: .danger, message: refusal) }
            form(.method("post"), .action(SiteRoute.passwordForgotSubmit.path), .class("stack"), .novalidate) {
                CSRFField(token: csrf)
                FormField(id: "email", labelText: catalog(.fieldEmail), type: "email", value: email, error: error, autocomplete: "email", required: true, maxLength: 254, autofocus: true)
                div(.class("actions")) {
                    button(.type("submit")) { catalog(.forgotSubmit) }
                    a(.href(SiteRoute.login.path)) { catalog(.backToLogin) }
                }
            }
        }
    }
}

/// /password/reset: the new password, carried with the link's token.
struct ResetPasswordView: HTML {
    let catalog: Catalog
    let csrf: String
    let token: String
    var error: String?

    var content: some HTML {
        div(.class("card stack")) {
            h1 { catalog(.resetTitle) }
            form(.method("post"), .action(SiteRoute.passwordResetSubmit.path), .class("stack"), .novalidate) {
                CSRFField(token: csrf)
                input(.type("hidden"), .name("token"), .value(token))
                input(.type("text"), .name("username"), .autocomplete("username"), .hidden, .ariaHidden, .value(""))
                FormField(id: "password", labelText: catalog(.fieldNewPassword), type: "password", error: error, hint: catalog(.passwordHint),
                          autocomplete: "new-password", required: true, autofocus: true)
                div(.class("actions")) { button(.type("submit")) { catalog(.resetSubmit) } }
            }
        }
    }
}
