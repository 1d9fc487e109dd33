import HTML

/// A labelled <select> with its hint and its error beside it; the submitted choice stays selected.
struct SelectField: HTML {
    struct Choice: Sendable {
        let value: String
        let text: String
    }

    let id: String
    let labelText: String
    let choices: [Choice]
    var selected = ""
    /// A first, empty choice ("Choose a country…") for required fields with no value yet.
    var placeholder: String?
    var error: String?
    var hint: String?
    var required = false
    var autocomplete: String?

    var content: some HTML {
        let describedBy = [hint == nil ? nil : id + "-hint", error == nil ? nil : id + "-error"].compactMap { $0 }.joined(separator: " ")
        div(.class("field")) {
            label(.for(id)) { labelText }
            if let hint {
                span(.class("hint"), .id(id + "-hint")) { hint }
            }
            select(.id(id), .name(id), .required.when(required), .autocomplete(autocomplete ?? "off").when(autocomplete != nil),
                   .ariaInvalid(true).when(error != nil), .ariaDescribedBy(describedBy).when(!describedBy.isEmpty)) {
                if let placeholder {
                    option(.value(""), .selected.when(selected.isEmpty)) { placeholder }
                }
                ForEach(choices) { choice in
                    option(.value(choice.value), .selected.when(choice.value == selected)) { choice.text }
                }
            }
            if let error {
                span(.class("field-error"), .id(id + "-error")) { error }
            }
        }
    }
}

/// A checkbox with its label and a line saying what it means.
struct CheckboxField: HTML {
    let id: String
    let labelText: String
    let hint: String
    var checked = false
    /// Shown but not changeable (security emails always go out); a disabled box is never submitted.
    var disabled = false

    var content: some HTML {
        div(.class("checkbox")) {
            input(.type("checkbox"), .id(id), .name(id).when(!disabled), .value("1").when(!disabled),
                  .checked.when(checked), .disabled.when(disabled), .ariaDescribedBy(id + "-hint"))
            div {
                label(.for(id)) { labelText }
                span(.class("hint"), .id(id + "-hint")) { " " + hint }
            }
        }
    }
}
