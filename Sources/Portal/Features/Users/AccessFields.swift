import Foundation
import HTML

/// "Full access" or a chosen set of permissions, each with its plain-language description,
/// and an optional last day. Shared by the invite form and the change form.
struct AccessFields: HTML {
    struct Model: Sendable {
        let form: AccessForm
        let errors: FieldErrors
        /// The permissions this actor may give; only these are offered.
        let grantable: [Permission]
        let mayGrantFullAccess: Bool
        let timeZone: String
        /// The actor's own last day, when they are a delegate whose access ends.
        let ownLastDay: String?

        init(form: AccessForm, errors: FieldErrors, actor: Identity.AccountRef, timeZone: String) {
            self.form = form
            self.errors = errors
            grantable = GrantRules.grantable(by: actor).sorted()
            mayGrantFullAccess = GrantRules.mayGrantFullAccess(actor)
            self.timeZone = timeZone
            ownLastDay = actor.accessEndsAt.map { AccessGrant.dayString($0, timeZone: timeZone) }
        }
    }

    let model: Model
    let catalog: Catalog

    var content: some HTML {
        let form = model.form
        let permissionsError = model.errors[AccessForm.Field.permissions].map { catalog($0) }
        let expiresError = model.errors[AccessForm.Field.expires].map { catalog($0) }
        fieldset(.class("stack"), .ariaDescribedBy(AccessForm.Field.permissions + "-error").when(permissionsError != nil)) {
            legend { catalog(.users(.accessLegend)) }
            if model.mayGrantFullAccess {
                div(.class("checkbox")) {
                    input(.type("radio"), .id("access-full"), .name(AccessForm.Field.access), .value(AccessForm.fullValue),
                          .checked.when(form.isFullAccess), .ariaDescribedBy("access-full-hint"))
                    div {
                        label(.for("access-full")) { catalog(.users(.fullAccess)) }
                        span(.class("hint"), .id("access-full-hint")) { " " + catalog(.users(.fullAccessHint)) }
                    }
                }
                div(.class("checkbox")) {
                    input(.type("radio"), .id("access-chosen"), .name(AccessForm.Field.access), .value(AccessForm.chosenValue),
                          .checked.when(!form.isFullAccess), .ariaDescribedBy("access-chosen-hint"))
                    div {
                        label(.for("access-chosen")) { catalog(.users(.chosenAccess)) }
                        span(.class("hint"), .id("access-chosen-hint")) { " " + catalog(.users(.chosenAccessHint)) }
                    }
                }
            } else {
                input(.type("hidden"), .name(AccessForm.Field.access), .value(AccessForm.chosenValue))
                p(.class("muted")) { catalog(.users(.grantOnlyYourOwn)) }
            }
            fieldset(.class("stack")) {
                legend(.class("muted")) { catalog(.users(.permissionsLegend)) }
                for permission in model.grantable {
                    PermissionCheckbox(permission: permission, checked: form.isChecked(permission), catalog: catalog)
                }
            }
            if let permissionsError {
                span(.class("field-error"), .id(AccessForm.Field.permissions + "-error")) { permissionsError }
            }
        }
        FormField(id: AccessForm.Field.expires, labelText: catalog(.users(.fieldExpires)), type: "date", value: form.expires, error: expiresError,
                  hint: catalog(.users(.fieldExpiresHint(model.timeZone))) + (model.ownLastDay.map { " " + catalog(.users(.fieldExpiresOwnLimit($0))) } ?? ""),
                  required: model.ownLastDay != nil, maxLength: 10)
    }
}

/// One permission to tick, with what it lets the person do.
struct PermissionCheckbox: HTML {
    let permission: Permission
    let checked: Bool
    let catalog: Catalog

    var content: some HTML {
        let id = "permission-" + permission.rawValue.replacingOccurrences(of: ".", with: "-")
        div(.class("checkbox")) {
            input(.type("checkbox"), .id(id), .name(AccessForm.Field.permissions), .value(permission.rawValue),
                  .checked.when(checked), .ariaDescribedBy(id + "-hint"))
            div {
                label(.for(id)) { catalog(.permissionName(permission)) }
                span(.class("hint"), .id(id + "-hint")) { " " + catalog(.permissionDescription(permission)) }
            }
        }
    }
}
