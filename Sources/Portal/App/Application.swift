import Database
import Foundation
import HTTPServer

/// The whole panel built from one configuration; `hosterra serve` and the tests use the same
/// function, so what the tests exercise is what runs.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let database: any Database
    public let logger: Logger
    public let metrics: Metrics
    public let assets: AssetStore
    public let keys: KeyRing
    public let clock: Clock
    let identity: IdentityService
    let services: Services
    let background: BackgroundWork
    public let responder: Responder

    /// Opens the database, applies pending migrations and assembles the middleware chain.
    public static func build(_ configuration: AppConfiguration, dependencies: Dependencies = .live) throws -> Application {
        let logger = Logger(sink: dependencies.logSink)
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let keys = try KeyRing.load(configured: configuration.secretKey, dataDirectory: configuration.dataDirectory)
        let database = try DatabaseFactory.open(url: configuration.resolvedDatabaseURL, readers: configuration.threads)
        do {
            let applied = try Schema.migrator.migrate(database)
            if !applied.isEmpty {
                logger.info("migrations applied", ["versions": .string(applied.map(String.init).joined(separator: ","))])
            }
        } catch {
            database.close()
            throw error
        }
        return Application(configuration: configuration, dependencies: dependencies, database: database, logger: logger, keys: keys)
    }

    private init(configuration: AppConfiguration, dependencies: Dependencies, database: any Database, logger: Logger, keys: KeyRing) {
        self.configuration = configuration
        self.database = database
        self.logger = logger
        self.keys = keys
        self.clock = dependencies.clock
        let metrics = Metrics()
        let assets = AssetStore()
        self.metrics = metrics
        self.assets = assets
        let clock = dependencies.clock

        // Request handlers hash on their worker thread: the limiter must leave one worker free.
        let hasher = dependencies.passwordHasher ?? PasswordHasher(workers: configuration.threads)
        // Links in the log help a developer without a mail server; never on a public https deployment.
        let mailer = Mailer(logger: logger, logLinks: configuration.smtpURL == nil && !configuration.isHTTPS, now: clock.now)
        let identity = IdentityService(
            database: database, clock: clock, hasher: hasher, mailer: mailer, publicURL: configuration.publicURL,
            sessionIdle: TimeInterval(configuration.sessionIdleMinutes * 60),
            sessionAbsolute: TimeInterval(configuration.sessionAbsoluteHours * 3600),
            devices: DeviceCookies(keys: keys, https: configuration.isHTTPS))
        self.identity = identity
        let renderer = PageRenderer(assets: assets)
        let sessionCookies = SessionCookies(https: configuration.isHTTPS)

        let services = Services(
            configuration: configuration, database: database, logger: logger, clock: clock, keys: keys, hasher: hasher,
            mailer: mailer, identity: identity, renderer: renderer, sessionCookies: sessionCookies, assets: assets, metrics: metrics)
        self.services = services
        self.background = BackgroundWork(services: services)
        let dispatcher = SiteDispatcher(
            assets: assets,
            health: HealthController(database: database, metrics: metrics),
            auth: AuthController(identity: identity, renderer: renderer, cookies: sessionCookies),
            dashboard: DashboardController(renderer: renderer),
            security: SecurityController(services: services),
            profile: ProfileController(services: services),
            mailbox: MailboxController(services: services),
            users: UsersController(services: services),
            contacts: ContactsController(services: services),
            activity: ActivityController(services: services))
        let middlewares: [any Middleware] = [
            ClientAddressMiddleware(trustedProxies: Set(configuration.trustedProxies)),
            RequestIDMiddleware(),
            AccessLogMiddleware(logger: logger, metrics: metrics, enabled: configuration.accessLog),
            SecurityHeadersMiddleware(https: configuration.isHTTPS),
            ErrorPageMiddleware(logger: logger, assets: assets),
            SessionMiddleware(identity: identity, cookies: sessionCookies),
            CSRFMiddleware(key: keys.key(for: .csrf), https: configuration.isHTTPS),
            AuthorizationMiddleware(),
        ]
        responder = chain(middlewares, to: dispatcher.respond(to:))
    }

    /// The transport settings derived from the configuration.
    public var serverConfiguration: ServerConfiguration {
        var server = ServerConfiguration()
        server.host = configuration.host
        server.port = configuration.port
        server.threads = configuration.threads
        server.maxBodyBytes = configuration.maxBodyBytes
        server.maxUploadBytes = configuration.maxUploadBytes
        server.connectionTimeoutSeconds = configuration.connectionTimeoutSeconds
        // Behind a trusted proxy every connection comes from the proxy: a per-peer cap would become one
        // cap for all customers together, which one client could fill. The proxy limits per client then.
        server.perAddressConnectionLimit = configuration.trustedProxies.isEmpty ? configuration.maxConnectionsPerAddress : 0
        return server
    }

    /// Starts email delivery and periodic tasks (`serve` does; tests call it when they need it).
    public func startBackgroundWork() {
        background.start()
    }

    /// Stops background work and closes the database.
    public func close() {
        background.stop()
        database.close()
    }
}
