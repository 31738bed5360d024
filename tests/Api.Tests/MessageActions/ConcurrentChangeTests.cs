using System.Net;

namespace Astegni.Chat.Api.Tests.MessageActions;

/// <summary>
/// Changes that race on one message or one membership: whatever the interleaving, the row ends as if
/// the two had arrived one after the other. Many rounds of truly concurrent requests, checked in the
/// database: never text in a deleted message, never a pinned tombstone, never a read position moving back.
/// </summary>
public sealed class ConcurrentChangeTests : ApiTest
{
    private const int Rounds = 30;

    [Test]
    public async Task EditAndDeleteForEveryone_AtOnce_NeverLeaveTextInADeletedMessage()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversation = await me.OpenDirectIdAsync(other.Id);

        var statuses = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var message = await me.SendIdAsync(conversation, $"original {round}");
            using var start = new Barrier(2);
            var edit = Task.Run(async () => { start.SignalAndWait(); return await me.EditAsync(message, $"edited {round}"); });
            var delete = Task.Run(async () => { start.SignalAndWait(); return await me.DeleteMessageAsync(message, "everyone"); });
            var (edited, deleted) = (await edit, await delete);
            statuses.Add($"edit {(int)edited.StatusCode}, delete {(int)deleted.StatusCode}");

            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await deleted.Content.ReadAsStringAsync());
            if (edited.StatusCode != HttpStatusCode.OK)
            {
                // Lost to the delete: refused as deleted, as a later edit of a tombstone is.
                await edited.ProblemAsync(HttpStatusCode.Conflict, "message_deleted");
            }

            var textLeftInTombstones = await Db.ScalarAsync<long>(
                "SELECT count(*) FROM chat_messages WHERE is_deleted AND (content IS NOT NULL OR original_content IS NOT NULL)");
            Assert.That(textLeftInTombstones, Is.Zero, $"round {round}: {statuses[^1]}");
        }

        TestContext.Out.WriteLine(string.Join("; ", statuses.GroupBy(s => s).Select(g => $"{g.Key} ×{g.Count()}")));
    }

    [Test]
    public async Task PinAndDeleteForEveryone_AtOnce_NeverLeaveAPinnedTombstone()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversation = await me.OpenDirectIdAsync(other.Id);

        for (var round = 0; round < Rounds; round++)
        {
            var message = await me.SendIdAsync(conversation, $"pin me {round}");
            using var start = new Barrier(2);
            var pin = Task.Run(async () => { start.SignalAndWait(); return await other.PinAsync(message); });
            var delete = Task.Run(async () => { start.SignalAndWait(); return await me.DeleteMessageAsync(message, "everyone"); });
            var (pinned, deleted) = (await pin, await delete);

            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await deleted.Content.ReadAsStringAsync());
            if (pinned.StatusCode != HttpStatusCode.NoContent)
            {
                await pinned.ProblemAsync(HttpStatusCode.Conflict, "message_deleted");
            }

            var pinnedTombstones = await Db.ScalarAsync<long>(
                "SELECT count(*) FROM chat_messages WHERE is_deleted AND (is_pinned OR pinned_at IS NOT NULL OR pinned_by_user_id IS NOT NULL)");
            Assert.That(pinnedTombstones, Is.Zero, $"round {round}");
        }
    }

    [Test]
    public async Task ReactAndDeleteForEveryone_AtOnce_NeverLeaveAReactionOnATombstone()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversation = await me.OpenDirectIdAsync(other.Id);

        for (var round = 0; round < Rounds; round++)
        {
            var message = await me.SendIdAsync(conversation, $"react to me {round}");
            using var start = new Barrier(2);
            var react = Task.Run(async () => { start.SignalAndWait(); return await other.ReactAsync(message, "👍"); });
            var delete = Task.Run(async () => { start.SignalAndWait(); return await me.DeleteMessageAsync(message, "everyone"); });
            var (reacted, deleted) = (await react, await delete);

            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await deleted.Content.ReadAsStringAsync());
            if (reacted.StatusCode != HttpStatusCode.NoContent)
            {
                await reacted.ProblemAsync(HttpStatusCode.Conflict, "message_deleted");
            }

            var reactionsOnTombstones = await Db.ScalarAsync<long>(
                "SELECT count(*) FROM message_reactions r JOIN chat_messages m ON m.id = r.message_id WHERE m.is_deleted");
            Assert.That(reactionsOnTombstones, Is.Zero, $"round {round}");
        }
    }

    [Test]
    public async Task TwoDevicesMarkingRead_AtOnce_NeverMoveTheReadPositionBack()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversation = await me.OpenDirectIdAsync(other.Id);

        for (var round = 0; round < Rounds; round++)
        {
            var older = await other.SendIdAsync(conversation, $"older {round}");
            var newer = await other.SendIdAsync(conversation, $"newer {round}");
            using var start = new Barrier(2);
            var phone = Task.Run(async () => { start.SignalAndWait(); return await me.MarkReadAsync(conversation, newer); });
            var laptop = Task.Run(async () => { start.SignalAndWait(); return await me.MarkReadAsync(conversation, older); });
            await (await phone).NoContentAsync();
            await (await laptop).NoContentAsync();

            var position = await Db.ScalarAsync<int>(
                "SELECT last_read_message_id FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2", conversation, me.Id);
            Assert.That(position, Is.EqualTo(newer), $"round {round}");
        }
    }

    [Test]
    public async Task TwoDevicesChangingMyPreferences_AtOnce_BothChangesStay()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversation = await me.OpenDirectIdAsync(other.Id);

        for (var round = 0; round < 10; round++)
        {
            var on = round % 2 == 0;
            using var start = new Barrier(2);
            var mute = Task.Run(async () => { start.SignalAndWait(); return await me.MuteAsync(conversation, on); });
            var archive = Task.Run(async () => { start.SignalAndWait(); return await me.ArchiveAsync(conversation, on); });
            await (await mute).NoContentAsync();
            await (await archive).NoContentAsync();

            var (muted, archived) = (
                await Db.ScalarAsync<bool>("SELECT is_muted FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2", conversation, me.Id),
                await Db.ScalarAsync<bool>("SELECT is_archived FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2", conversation, me.Id));
            Assert.That((muted, archived), Is.EqualTo((on, on)), $"round {round}");
        }
    }
}
