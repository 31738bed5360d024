using Astegni.Chat.Infrastructure.Persistence;

namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// While the old backend still runs beside this module, what it writes reaches this module's clients live: triggers
/// record each of its writes in <c>chat_legacy_changes</c> and <c>NOTIFY</c> the service, which relays them (see
/// <c>RelayLegacyWrites</c>). This module's own sessions carry <see cref="ModuleConnection"/>'s mark, and the
/// triggers skip them: those writes push their own events. One trigger does more than record: a read time the old
/// backend writes moves this module's read position forward (never back), so read state is one state.
/// </summary>
internal sealed class InstallLegacyChangeFeed : IUpgradeStep
{
    public string Name => "change feed for the legacy backend's writes";

    public async Task RunAsync(UpgradeContext context)
    {
        if (context.DryRun)
        {
            return;
        }

        var hiddenForUsers = context.Catalog.Has("chat_messages", "deleted_for_user_ids") ? DeletedForMe : string.Empty;
        await context.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {LegacyChangeFeed.Table} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind text NOT NULL,
                conversation_id integer,
                message_id integer,
                user_id integer,
                other_user_id integer,
                written_at timestamp with time zone NOT NULL DEFAULT now());

            CREATE OR REPLACE FUNCTION chat_written_by_legacy() RETURNS boolean LANGUAGE sql STABLE AS
            $$ SELECT current_setting('{ModuleConnection.Setting}', true) IS DISTINCT FROM '{ModuleConnection.Value}' $$;

            CREATE OR REPLACE FUNCTION chat_legacy_change(p_kind text, p_conversation integer, p_message integer, p_user integer, p_other integer)
            RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO {LegacyChangeFeed.Table} (kind, conversation_id, message_id, user_id, other_user_id)
                VALUES (p_kind, p_conversation, p_message, p_user, p_other);
                PERFORM pg_notify('{LegacyChangeFeed.Channel}', '');
            END $$;

            CREATE OR REPLACE FUNCTION chat_legacy_message_written() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                hidden_for integer;
            BEGIN
                IF NOT chat_written_by_legacy() THEN
                    RETURN NULL;
                END IF;
                IF TG_OP = 'INSERT' THEN
                    PERFORM chat_legacy_change('message_created', NEW.conversation_id, NEW.id, NEW.sender_user_id, NULL);
                    RETURN NULL;
                END IF;
                IF NEW.is_deleted AND NOT COALESCE(OLD.is_deleted, FALSE) THEN
                    PERFORM chat_legacy_change('message_deleted', NEW.conversation_id, NEW.id, NEW.sender_user_id, NULL);
                ELSIF NEW.content IS DISTINCT FROM OLD.content THEN
                    PERFORM chat_legacy_change('message_edited', NEW.conversation_id, NEW.id, NEW.sender_user_id, NULL);
                END IF;
                IF NEW.is_pinned IS DISTINCT FROM OLD.is_pinned THEN
                    PERFORM chat_legacy_change('message_pinned', NEW.conversation_id, NEW.id, COALESCE(NEW.pinned_by_user_id, NEW.sender_user_id), NULL);
                END IF;
                {hiddenForUsers}
                RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS chat_legacy_change ON chat_messages;
            CREATE TRIGGER chat_legacy_change AFTER INSERT OR UPDATE ON chat_messages
                FOR EACH ROW EXECUTE FUNCTION chat_legacy_message_written();

            CREATE OR REPLACE FUNCTION chat_legacy_reaction_written() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                message integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.message_id ELSE NEW.message_id END;
                reactor integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
            BEGIN
                IF chat_written_by_legacy() THEN
                    PERFORM chat_legacy_change('reactions_changed', (SELECT conversation_id FROM chat_messages WHERE id = message), message, reactor, NULL);
                END IF;
                RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS chat_legacy_change ON message_reactions;
            CREATE TRIGGER chat_legacy_change AFTER INSERT OR UPDATE OR DELETE ON message_reactions
                FOR EACH ROW EXECUTE FUNCTION chat_legacy_reaction_written();

            -- The old backend writes only the read time: the position this module counts from follows it.
            CREATE OR REPLACE FUNCTION chat_legacy_read_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT chat_written_by_legacy() OR NEW.last_read_at IS NULL OR NEW.last_read_at IS NOT DISTINCT FROM OLD.last_read_at THEN
                    RETURN NEW;
                END IF;
                NEW.last_read_message_id := GREATEST(OLD.last_read_message_id, NEW.last_read_message_id,
                    (SELECT max(m.id) FROM chat_messages m WHERE m.conversation_id = NEW.conversation_id AND m.created_at <= NEW.last_read_at));
                IF NEW.last_read_message_id IS DISTINCT FROM OLD.last_read_message_id THEN
                    PERFORM chat_legacy_change('conversation_read', NEW.conversation_id, NEW.last_read_message_id, NEW.user_id, NULL);
                END IF;
                RETURN NEW;
            END $$;
            DROP TRIGGER IF EXISTS chat_legacy_read ON conversation_participants;
            CREATE TRIGGER chat_legacy_read BEFORE UPDATE OF last_read_at ON conversation_participants
                FOR EACH ROW EXECUTE FUNCTION chat_legacy_read_written();

            CREATE OR REPLACE FUNCTION chat_legacy_block_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF chat_written_by_legacy() THEN
                    -- a block belongs to no conversation (0)
                    PERFORM chat_legacy_change('user_blocked', 0, NULL, NEW.blocker_user_id, NEW.blocked_user_id);
                END IF;
                RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS chat_legacy_change ON blocked_chat_contacts;
            CREATE TRIGGER chat_legacy_change AFTER INSERT ON blocked_chat_contacts
                FOR EACH ROW EXECUTE FUNCTION chat_legacy_block_written();
            """);
    }

    // "Deleted for me" in the old backend is a JSON list of user ids on the message: each new one becomes this
    // module's row for it (as migrate converts them), and that user's devices hear of it.
    private const string DeletedForMe = """
        FOR hidden_for IN
            SELECT e.value::integer FROM jsonb_array_elements_text(COALESCE(NEW.deleted_for_user_ids::jsonb, '[]'::jsonb)) e WHERE e.value ~ '^[0-9]+$'
            EXCEPT
            SELECT e.value::integer FROM jsonb_array_elements_text(COALESCE(OLD.deleted_for_user_ids::jsonb, '[]'::jsonb)) e WHERE e.value ~ '^[0-9]+$'
        LOOP
            IF EXISTS (SELECT 1 FROM users u WHERE u.id = hidden_for) THEN
                INSERT INTO chat_message_deletions (message_id, user_id, deleted_at) VALUES (NEW.id, hidden_for, now()) ON CONFLICT DO NOTHING;
                PERFORM chat_legacy_change('message_deleted_for_user', NEW.conversation_id, NEW.id, hidden_for, NULL);
            END IF;
        END LOOP;
        """;
}
