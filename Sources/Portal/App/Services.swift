import Database
import Foundation

/// What feature controllers are built from: the shared services of one application.
/// Controllers take this whole value so that adding a service does not touch every constructor.
struct Services: Sendable {
    let configuration: AppConfiguration
    let database: any Database
    let logger: Logger
    let clock: Clock
    let keys: KeyRing
    let hasher: PasswordHasher
    let mailer: Mailer
    let identity: IdentityService
    let renderer: PageRenderer
    let sessionCookies: SessionCookies
    let assets: AssetStore
    let metrics: Metrics
}
