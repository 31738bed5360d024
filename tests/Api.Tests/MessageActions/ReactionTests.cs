using System.Net;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.MessageActions;

public sealed class ReactionTests : MessageActionTest
{
    private static IEnumerable<(string Reaction, int[] UserIds, int Count)> Reactions(JsonNode message) =>
        message["reactions"]!.AsArray().Select(r => (
            r!["reaction"]!.GetValue<string>(),
            r["user_ids"]!.AsArray().Select(u => u!.GetValue<int>()).ToArray(),
            r["count"]!.GetValue<int>()));

    [Test]
    public async Task React_ShowsInBothHistories_GroupedWithWhoReacted()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "I passed the exam!");

        await (await other.ReactAsync(messageId, "🎉")).NoContentAsync();
        await (await me.ReactAsync(messageId, "🎉")).NoContentAsync();

        foreach (var viewer in new[] { me, other })
        {
            var seen = await viewer.SeenAsync(conversationId, messageId);
            var reaction = Reactions(seen!).Single();
            Assert.That(reaction.Reaction, Is.EqualTo("🎉"));
            Assert.That(reaction.UserIds, Is.EquivalentTo(new[] { me.Id, other.Id }));
            Assert.That(reaction.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task React_Again_ReplacesMyReaction()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "hello");

        await (await me.ReactAsync(messageId, "👍")).NoContentAsync();
        await (await me.ReactAsync(messageId, "❤️")).NoContentAsync();

        var reactions = Reactions((await other.SeenAsync(conversationId, messageId))!).ToList();
        Assert.That(reactions, Has.Count.EqualTo(1));
        Assert.That(reactions[0].Reaction, Is.EqualTo("❤️"));
        Assert.That(reactions[0].UserIds, Is.EqualTo(new[] { me.Id }));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM message_reactions"), Is.EqualTo(1));
    }

    [Test]
    public async Task RemoveReaction_TakesBackMineOnly()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "hello");
        await (await me.ReactAsync(messageId, "👍")).NoContentAsync();
        await (await other.ReactAsync(messageId, "🙏")).NoContentAsync();

        await (await me.RemoveReactionAsync(messageId)).NoContentAsync();

        var reaction = Reactions((await me.SeenAsync(conversationId, messageId))!).Single();
        Assert.That(reaction.Reaction, Is.EqualTo("🙏"));
        Assert.That(reaction.UserIds, Is.EqualTo(new[] { other.Id }));
    }

    [Test]
    public async Task RemoveReaction_WhenIHaveNone_IsNoContent()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "hello");

        await (await me.RemoveReactionAsync(messageId)).NoContentAsync();
    }

    [Test]
    public async Task React_AsAnOutsider_IsNotFound_AndStoresNothing()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var outsider = await UserAsync("Outsider");
        var conversationId = await a.OpenDirectIdAsync(b.Id);
        var messageId = await a.SendIdAsync(conversationId, "private");
        await (await b.ReactAsync(messageId, "👍")).NoContentAsync();

        var react = await outsider.ReactAsync(messageId, "👎");
        var remove = await outsider.RemoveReactionAsync(messageId);

        await react.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        await remove.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM message_reactions"), Is.EqualTo(1));
    }

    [Test]
    public async Task React_ToATombstone_IsAConflict()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "gone");
        await (await me.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        var response = await other.ReactAsync(messageId, "👍");

        await response.ProblemAsync(HttpStatusCode.Conflict, "message_deleted");
    }

    [Test]
    public async Task React_WhenIBlockedTheAuthor_IsRefused()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "hi");
        await me.BlockAsync(other.Id);

        var response = await me.ReactAsync(messageId, "👍");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "you_blocked_recipient");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public async Task React_WithNothing_IsRefusedAsInvalidReaction(string? reaction)
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "hi");

        var response = await me.ReactAsync(messageId, reaction);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_reaction");
        Assert.That(problem["errors"]!["reaction"], Is.Not.Null);
    }

    [Test]
    public async Task React_WithFiftyCharacters_IsAccepted_ButFiftyOneAreRefused()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "hi");

        var fifty = await me.ReactAsync(messageId, new string('w', 50));
        var fiftyOne = await me.ReactAsync(messageId, new string('w', 51));

        await fifty.NoContentAsync();
        await fiftyOne.ProblemAsync(HttpStatusCode.BadRequest, "invalid_reaction");
    }

    [Test]
    public async Task React_WithABodyThatIsNotJson_IsMalformed()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.PostAsync(
            new Uri("/api/chat/messages/1/reactions", UriKind.Relative), new StringContent("👍", System.Text.Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }
}
