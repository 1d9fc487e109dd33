import Database

/// The panel's schema, one numbered migration after another. Never edit a released migration:
/// add a new one. Dialect differences go through `SQLDialect` so both engines share the text.
/// Times are UTC milliseconds; booleans are 0/1; every row other tables point at by URL has an
/// opaque `public_id`.
enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "settings") { _ in
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """
        },
        Migration(version: 2, name: "identity") { d in
            """
            CREATE TABLE accounts (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                number TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                company TEXT NOT NULL DEFAULT '',
                address_line1 TEXT NOT NULL DEFAULT '',
                address_line2 TEXT NOT NULL DEFAULT '',
                postal_code TEXT NOT NULL DEFAULT '',
                city TEXT NOT NULL DEFAULT '',
                country TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                vat_number TEXT NOT NULL DEFAULT '',
                language TEXT NOT NULL DEFAULT 'en',
                time_zone TEXT NOT NULL DEFAULT 'UTC',
                pref_billing \(d.boolean) NOT NULL DEFAULT 1,
                pref_technical \(d.boolean) NOT NULL DEFAULT 1,
                pref_commercial \(d.boolean) NOT NULL DEFAULT 0,
                require_delegate_two_factor \(d.boolean) NOT NULL DEFAULT 0,
                created_at \(d.timestamp) NOT NULL,
                updated_at \(d.timestamp) NOT NULL
            );
            CREATE TABLE users (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                email_verified_at \(d.timestamp),
                totp_secret \(d.blob),
                totp_pending_secret \(d.blob),
                totp_enabled_at \(d.timestamp),
                totp_last_step \(d.bigint),
                last_account_id \(d.bigint) REFERENCES accounts(id) ON DELETE SET NULL,
                locked_until \(d.timestamp),
                created_at \(d.timestamp) NOT NULL,
                updated_at \(d.timestamp) NOT NULL
            );
            CREATE TABLE memberships (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                full_access \(d.boolean) NOT NULL DEFAULT 0,
                account_id \(d.bigint) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                permissions TEXT NOT NULL DEFAULT '',
                expires_at \(d.timestamp),
                created_at \(d.timestamp) NOT NULL,
                last_active_at \(d.timestamp),
                UNIQUE (account_id, user_id)
            );
            CREATE INDEX memberships_user ON memberships (user_id);
            CREATE TABLE sessions (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                token_hash TEXT NOT NULL UNIQUE,
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                account_id \(d.bigint) REFERENCES accounts(id) ON DELETE SET NULL,
                stage TEXT NOT NULL,
                created_at \(d.timestamp) NOT NULL,
                last_seen_at \(d.timestamp) NOT NULL,
                expires_at \(d.timestamp) NOT NULL,
                ip TEXT NOT NULL DEFAULT '',
                user_agent TEXT NOT NULL DEFAULT '',
                device TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX sessions_user ON sessions (user_id);
            CREATE TABLE user_tokens (
                id \(d.autoIncrementPrimaryKey),
                token_hash TEXT NOT NULL UNIQUE,
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                purpose TEXT NOT NULL,
                email TEXT NOT NULL DEFAULT '',
                created_at \(d.timestamp) NOT NULL,
                expires_at \(d.timestamp) NOT NULL,
                used_at \(d.timestamp)
            );
            CREATE INDEX user_tokens_user ON user_tokens (user_id, purpose);
            CREATE TABLE recovery_codes (
                id \(d.autoIncrementPrimaryKey),
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                code_hash TEXT NOT NULL,
                used_at \(d.timestamp)
            );
            CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
            CREATE TABLE login_attempts (
                id \(d.autoIncrementPrimaryKey),
                email_hash TEXT NOT NULL,
                ip TEXT NOT NULL,
                succeeded \(d.boolean) NOT NULL,
                created_at \(d.timestamp) NOT NULL
            );
            CREATE INDEX login_attempts_email ON login_attempts (email_hash, created_at);
            CREATE INDEX login_attempts_ip ON login_attempts (ip, created_at);
            CREATE TABLE known_devices (
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                device_hash TEXT NOT NULL,
                first_seen_at \(d.timestamp) NOT NULL,
                PRIMARY KEY (user_id, device_hash)
            );
            CREATE TABLE security_events (
                id \(d.autoIncrementPrimaryKey),
                user_id \(d.bigint) REFERENCES users(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                ip TEXT NOT NULL DEFAULT '',
                device TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                created_at \(d.timestamp) NOT NULL
            );
            CREATE INDEX security_events_user ON security_events (user_id, created_at);
            CREATE TABLE outbox_emails (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                account_id \(d.bigint) REFERENCES accounts(id) ON DELETE SET NULL,
                user_id \(d.bigint) REFERENCES users(id) ON DELETE SET NULL,
                to_address TEXT NOT NULL,
                category TEXT NOT NULL,
                subject TEXT NOT NULL,
                text_body TEXT NOT NULL,
                html_body TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts \(d.bigint) NOT NULL DEFAULT 0,
                next_attempt_at \(d.timestamp) NOT NULL,
                last_error TEXT NOT NULL DEFAULT '',
                created_at \(d.timestamp) NOT NULL,
                sent_at \(d.timestamp)
            );
            CREATE INDEX outbox_due ON outbox_emails (status, next_attempt_at);
            CREATE INDEX outbox_account ON outbox_emails (account_id, created_at);
            CREATE TABLE notifications (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                severity TEXT NOT NULL,
                message TEXT NOT NULL,
                link TEXT NOT NULL DEFAULT '',
                read_at \(d.timestamp),
                created_at \(d.timestamp) NOT NULL
            );
            CREATE INDEX notifications_user ON notifications (user_id, read_at, created_at);
            """
        },
        Migration(version: 3, name: "delegation") { d in
            """
            CREATE TABLE invitations (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                account_id \(d.bigint) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                full_access \(d.boolean) NOT NULL DEFAULT 0,
                permissions TEXT NOT NULL DEFAULT '',
                access_expires_at \(d.timestamp),
                invited_by \(d.bigint) REFERENCES users(id) ON DELETE SET NULL,
                status TEXT NOT NULL,
                created_at \(d.timestamp) NOT NULL,
                expires_at \(d.timestamp) NOT NULL,
                responded_at \(d.timestamp),
                accepted_user_id \(d.bigint) REFERENCES users(id) ON DELETE SET NULL
            );
            CREATE INDEX invitations_account ON invitations (account_id, status);
            CREATE INDEX invitations_email ON invitations (email, status);
            CREATE TABLE audit_events (
                id \(d.autoIncrementPrimaryKey),
                account_id \(d.bigint) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                user_id \(d.bigint) REFERENCES users(id) ON DELETE SET NULL,
                actor TEXT NOT NULL DEFAULT '',
                ip TEXT NOT NULL DEFAULT '',
                action TEXT NOT NULL,
                target TEXT NOT NULL DEFAULT '',
                before_value TEXT NOT NULL DEFAULT '',
                after_value TEXT NOT NULL DEFAULT '',
                created_at \(d.timestamp) NOT NULL
            );
            CREATE INDEX audit_events_account ON audit_events (account_id, created_at);
            CREATE TABLE contacts (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                account_id \(d.bigint) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                organization TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL,
                phone TEXT NOT NULL,
                address_line1 TEXT NOT NULL,
                address_line2 TEXT NOT NULL DEFAULT '',
                postal_code TEXT NOT NULL DEFAULT '',
                city TEXT NOT NULL,
                country TEXT NOT NULL,
                created_at \(d.timestamp) NOT NULL,
                updated_at \(d.timestamp) NOT NULL
            );
            CREATE INDEX contacts_account ON contacts (account_id, name);
            """
        },
        Migration(version: 4, name: "jobs") { d in
            """
            CREATE TABLE jobs (
                id \(d.autoIncrementPrimaryKey),
                kind TEXT NOT NULL,
                payload TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                attempts \(d.bigint) NOT NULL DEFAULT 0,
                max_attempts \(d.bigint) NOT NULL,
                run_at \(d.timestamp) NOT NULL,
                locked_by TEXT NOT NULL DEFAULT '',
                locked_until \(d.timestamp),
                last_error TEXT NOT NULL DEFAULT '',
                created_at \(d.timestamp) NOT NULL,
                finished_at \(d.timestamp)
            );
            CREATE INDEX jobs_due ON jobs (status, run_at);
            CREATE INDEX jobs_kind_payload ON jobs (kind, payload);
            CREATE TABLE schedules (
                name TEXT PRIMARY KEY,
                next_run_at \(d.timestamp) NOT NULL,
                last_run_at \(d.timestamp),
                last_runner TEXT NOT NULL DEFAULT ''
            );
            """
        },
        Migration(version: 5, name: "outbox private links") { d in
            // Emails that carry a secret link (verification, password reset, address change) are kept
            // for delivery but never shown in the email history, where a session thief could read them.
            """
            ALTER TABLE outbox_emails ADD COLUMN private_link \(d.boolean) NOT NULL DEFAULT 0;
            UPDATE outbox_emails SET private_link = 1 WHERE text_body LIKE '%token=%';
            """
        },
        Migration(version: 6, name: "request throttles") { d in
            // Sending limits ("one reset email per address every two minutes") look up the outbox,
            // which is never pruned, by recipient and subject: without this index every request for
            // a registered email scanned it, and the time taken told which emails have a login.
            // request_throttles: one row per admitted sign-up or password-reset request, by kind and
            // by the client's network (`ThrottleAddress`), counted before any password is hashed.
            """
            CREATE INDEX outbox_recipient ON outbox_emails (to_address, subject, created_at);
            CREATE TABLE request_throttles (
                id \(d.autoIncrementPrimaryKey),
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                created_at \(d.timestamp) NOT NULL
            );
            CREATE INDEX request_throttles_key ON request_throttles (kind, key, created_at);
            """
        },
        Migration(version: 7, name: "address-change confirmations out of the history") { _ in
            // Sent before version 5's change, they were filed under the requester's account: their
            // presence told a free new address from a taken one. Now they are in no account's history.
            """
            UPDATE outbox_emails SET account_id = NULL, private_link = 1 WHERE subject = 'Confirm your new email address';
            """
        },
    ]

    static var migrator: Migrator { Migrator(migrations) }
}
