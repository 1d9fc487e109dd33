import HTML

/// The hidden field every form carries back for CSRF protection.
struct CSRFField: HTML {
    let token: String
    var content: some HTML {
        input(.type("hidden"), .name(CSRFMiddleware.fieldName), .value(token))
    }
}

/// A labelled input with its hint and its error beside it; what was typed is kept.
struct FormField: HTML {
    let id: String
    let labelText: String
    var type = "text"
    var value = ""
    var error: String?
    var hint: String?
    var autocomplete: String?
    var required = false
    var maxLength: Int?
    var inputMode: String?
    var autofocus = false

    var content: some HTML {
        let describedBy = [hint == nil ? nil : id + "-hint", error == nil ? nil : id + "-error"].compactMap { $0 }.joined(separator: " ")
        div(.class("field")) {
            label(.for(id)) { labelText }
            if let hint {
                span(.class("hint"), .id(id + "-hint")) { hint }
            }
            input(.type(type), .id(id), .name(id), .value(type == "password" ? "" : value),
                  .autocomplete(autocomplete ?? "off").when(autocomplete != nil),
                  .required.when(required), .maxlength(maxLength ?? 0).when(maxLength != nil),
                  .inputmode(inputMode ?? "").when(inputMode != nil), .autofocus.when(autofocus),
                  .ariaInvalid(true).when(error != nil), .ariaDescribedBy(describedBy).when(!describedBy.isEmpty))
            if let error {
                span(.class("field-error"), .id(id + "-error")) { error }
            }
        }
    }
}

enum AlertKind: String, Sendable {
    case info, success, warning, danger
}

/// A message box; errors are announced to screen readers.
struct Alert: HTML {
    let kind: AlertKind
    let message: String

    var content: some HTML {
        if kind == .danger {
            div(.class("alert alert-danger"), .role("alert")) { message }
        } else {
            div(.class("alert alert-\(kind.rawValue)"), .role("status")) { message }
        }
    }
}

/// A page's title and one line saying what it is for.
struct PageHeader: HTML {
    let title: String
    var lead: String?

    var content: some HTML {
        div(.class("page-header")) {
            div {
                h1 { title }
                if let lead { p { lead } }
            }
        }
    }
}

/// A form that POSTs to a route with its CSRF field, holding one submit button (logout, end session…).
struct ButtonForm: HTML {
    let route: SiteRoute
    let csrf: String
    let label: String
    var style = "button"
    var fields: [(String, String)] = []

    var content: some HTML {
        form(.method("post"), .action(route.path), .class("inline-form")) {
            CSRFField(token: csrf)
            for (name, value) in fields {
                input(.type("hidden"), .name(name), .value(value))
            }
            button(.type("submit"), .class(style)) { label }
        }
    }
}
