namespace Astegni.Chat.Infrastructure.Persistence;

/// <summary>Minimal copies of the Astegni tables chat reads, created only where they do not exist.</summary>
internal static class StandaloneAstegniTables
{
    public const string CreateIfMissing = """
        DO $do$ BEGIN
        IF to_regclass('users') IS NULL THEN
        CREATE TABLE users (
            id SERIAL PRIMARY KEY,
            email VARCHAR(255) UNIQUE,
            phone VARCHAR(50),
            first_name VARCHAR(100),
            father_name VARCHAR(100),
            grandfather_name VARCHAR(100),
            last_name VARCHAR(100),
            profile_picture VARCHAR(500),
            roles JSON,
            active_role VARCHAR(50),
            is_active BOOLEAN NOT NULL DEFAULT TRUE,
            account_status VARCHAR(50) DEFAULT 'active',
            created_at TIMESTAMP DEFAULT NOW()
        );
        END IF;
        IF to_regclass('connections') IS NULL THEN
        CREATE TABLE connections (
            id SERIAL PRIMARY KEY,
            requested_by INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            requester_type VARCHAR(50),
            recipient_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            recipient_type VARCHAR(50),
            requester_profile_id INTEGER,
            recipient_profile_id INTEGER,
            status VARCHAR(20) NOT NULL DEFAULT 'pending',
            requested_at TIMESTAMP DEFAULT NOW(),
            connected_at TIMESTAMP,
            updated_at TIMESTAMP DEFAULT NOW()
        );
        CREATE INDEX ix_connections_requested_by ON connections (requested_by, recipient_id);
        CREATE INDEX ix_connections_recipient ON connections (recipient_id, requested_by);
        END IF;
        END $do$;
        """;
}
