import HTML

/// /login/2fa: one field for an app code or a recovery code.
struct LoginTwoFactorView: HTML {
    let catalog: Catalog
    let csrf: String
    var next = ""
    var error: String?

    var content: some HTML {
        div(.class("card stack")) {
            h1 { catalog(.security(.loginTitle)) }
            p(.class("muted")) { catalog(.security(.loginLead)) }
            form(.method("post"), .action(SiteRoute.loginTwoFactorSubmit.path), .class("stack"), .novalidate) {
                CSRFField(token: csrf)
                if !next.isEmpty { input(.type("hidden"), .name("next"), .value(next)) }
                FormField(id: "code", labelText: catalog(.security(.loginCodeLabel)), error: error, hint: catalog(.security(.loginCodeHint)),
                          autocomplete: "one-time-code", required: true, maxLength: 64, autofocus: true)
                div(.class("actions")) {
                    button(.type("submit")) { catalog(.security(.loginSubmit)) }
                }
            }
            ButtonForm(route: .logout, csrf: csrf, label: catalog(.security(.loginCancel)), style: "button-link")
        }
    }
}

/// /account/security/2fa: the QR code and key of the pending secret, and the code that confirms it.
struct TwoFactorSetupView: HTML {
    let catalog: Catalog
    let csrf: String
    /// Our own SVG markup from `QRCode.svg`; nil when the text did not fit a QR code.
    let qrSVG: String?
    let groupedKey: String
    var errors = FieldErrors()

    /// The current password, asked with the code: enrolment changes how the account is entered.
    static let passwordField = "current_password"

    var content: some HTML {
        PageHeader(title: catalog(.security(.setupTitle)), lead: catalog(.security(.setupLead)))
        section(.class("card stack"), .aria("labelledby", "scan-title")) {
            h2(.id("scan-title")) { catalog(.security(.setupStepScan)) }
            if let qrSVG {
                div(.class("qr-code")) { HTMLRaw(qrSVG) }
            }
            p { catalog(.security(.setupKeyIntro)) }
            p { code(.class("mono"), .id("totp-key")) { groupedKey } }
            h2(.id("confirm-title")) { catalog(.security(.setupStepConfirm)) }
            form(.method("post"), .action(SiteRoute.twoFactorSetupSubmit.path), .class("stack"), .novalidate) {
                CSRFField(token: csrf)
                FormField(id: "code", labelText: catalog(.security(.fieldCurrentCode)), error: errors["code"].map { catalog($0) },
                          autocomplete: "one-time-code", required: true, maxLength: 12, inputMode: "numeric", autofocus: errors["code"] != nil)
                FormField(id: Self.passwordField, labelText: catalog(.fieldCurrentPassword), type: "password",
                          error: errors[Self.passwordField].map { catalog($0) }, autocomplete: "current-password", required: true,
                          autofocus: errors["code"] == nil && errors[Self.passwordField] != nil)
                div(.class("actions")) {
                    button(.type("submit")) { catalog(.security(.setupSubmit)) }
                    a(.href(SiteRoute.accountSecurity.path)) { catalog(.security(.setupCancel)) }
                }
            }
        }
    }
}

/// The recovery codes, shown once right after they are made.
struct RecoveryCodesView: HTML {
    let catalog: Catalog
    let heading: String
    let codes: [String]

    var content: some HTML {
        PageHeader(title: heading)
        section(.class("card stack"), .aria("labelledby", "codes-title")) {
            h2(.id("codes-title")) { catalog(.security(.recoveryHeading)) }
            p { catalog(.security(.codesLead)) }
            Alert(kind: .warning, message: catalog(.security(.codesWarning)))
            ul(.class("recovery-codes mono")) {
                for recoveryCode in codes {
                    li { code { recoveryCode } }
                }
            }
            p { a(.class("button"), .href(SiteRoute.accountSecurity.path)) { catalog(.security(.codesDone)) } }
        }
    }
}
