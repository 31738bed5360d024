using Astegni.Chat.Application.Messages.DeleteMessage;
using Astegni.Chat.Application.Messages.ReactToMessage;

namespace Astegni.Chat.Api.Tests.MessageActions;

/// <summary>The same person acting from several devices at once: one row per person, and no request fails.</summary>
public sealed class ConcurrentActionTests : MessageActionTest
{
    [Test]
    public async Task SimultaneousReactions_ByOneUser_AllSucceed_AndLeaveOneReaction()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "react to me");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            AsUserAsync(me, s => s.Send(new ReactToMessage(messageId, i % 2 == 0 ? "👍" : "❤️"))))));

        Assert.That(results.Select(r => r.Error?.Code), Has.All.Null);
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM message_reactions WHERE message_id = $1", messageId), Is.EqualTo(1));
    }

    [Test]
    public async Task SimultaneousDeletesForMe_AllEndWithTheMessageGoneForMe_AndOneDeletionRow()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "delete me twice");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            AsUserAsync(me, s => s.Send(new DeleteMessage(messageId, "me"))))));

        // Each either deleted it or found it already gone for me; none failed unexpectedly.
        Assert.That(results.Select(r => r.Error?.Code), Has.All.Null.Or.EqualTo("message_not_found"));
        Assert.That(results.Count(r => r.IsSuccess), Is.GreaterThanOrEqualTo(1));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_message_deletions"), Is.EqualTo(1));
        Assert.That(await me.SeenAsync(conversationId, messageId), Is.Null);
    }
}
