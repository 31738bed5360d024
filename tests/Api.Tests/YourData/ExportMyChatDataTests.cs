using System.Net;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;

namespace Astegni.Chat.Api.Tests.YourData;

/// <summary>GET /api/chat/data/export: everything chat holds about me, and nothing about anyone else's chats.</summary>
public sealed class ExportMyChatDataTests : ApiTest
{
    [Test]
    public async Task Export_HoldsMyConversationsMessagesSettingsLastSeenAndTheBlocksIMade()
    {
        var me = await UserAsync("Me");
        var tutor = await UserAsync("Tutor");
        var classmate = await UserAsync("Classmate");
        var pest = await UserAsync("Pest");
        var stranger = await UserAsync("Stranger");
        var direct = await me.OpenDirectIdAsync(tutor.Id);
        var group = await Db.InsertGroupAsync("Study group", classmate.Id, me.Id, tutor.Id);
        var first = await me.SendOkAsync(direct, "Can we meet on Saturday?");
        var second = await tutor.SendOkAsync(direct, "Yes, 10:00.");
        var inGroup = await classmate.SendOkAsync(group, "Homework is on page 42");
        await Db.InsertReactionAsync(second["id"]!.GetValue<int>(), me.Id, "👍");
        await me.PutSettingsAsync(new JsonObject { ["who_can_message"] = "connections" });
        await me.BlockAsync(pest.Id, "spam");
        await stranger.BlockAsync(me.Id);
        await Db.ExecuteAsync("INSERT INTO chat_user_presence (user_id, last_seen_at) VALUES ($1, now())", me.Id);
        var theirs = await tutor.OpenDirectIdAsync(classmate.Id);
        await tutor.SendOkAsync(theirs, "not for Me's eyes");

        var export = await (await me.ExportMyDataAsync()).JsonAsync(HttpStatusCode.OK);

        var conversations = export["conversations"]!.AsArray();
        var directExport = conversations.Single(c => c!["conversation"]!["id"]!.GetValue<int>() == direct)!;
        var groupExport = conversations.Single(c => c!["conversation"]!["id"]!.GetValue<int>() == group)!;
        var directMessages = directExport["messages"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(export["user_id"]!.GetValue<int>(), Is.EqualTo(me.Id));
            Assert.That(export["exported_at"], Is.Not.Null);
            Assert.That(export["settings"]!["who_can_message"]!.GetValue<string>(), Is.EqualTo("connections"));
            Assert.That(export["last_seen_at"], Is.Not.Null);
            Assert.That(export["blocks"]!.AsArray().Select(b => b!["user_id"]!.GetValue<int>()), Is.EqualTo(new[] { pest.Id }), "only the blocks I made");
            Assert.That(export["blocks"]![0]!["reason"]!.GetValue<string>(), Is.EqualTo("spam"));
            Assert.That(conversations.Select(c => c!["conversation"]!["id"]!.GetValue<int>()), Is.EquivalentTo(new[] { direct, group }));
            Assert.That(directExport["conversation"]!["type"]!.GetValue<string>(), Is.EqualTo("direct"));
            Assert.That(directExport["participant_user_ids"]!.AsArray().Select(u => u!.GetValue<int>()), Is.EquivalentTo(new[] { me.Id, tutor.Id }));
            Assert.That(groupExport["participant_user_ids"]!.AsArray().Select(u => u!.GetValue<int>()), Is.EquivalentTo(new[] { me.Id, tutor.Id, classmate.Id }));
            Assert.That(directMessages.Select(m => m!["id"]!.GetValue<int>()), Is.EqualTo(new[] { first["id"]!.GetValue<int>(), second["id"]!.GetValue<int>() }), "oldest first");
            Assert.That(directMessages[0]!["content"]!.GetValue<string>(), Is.EqualTo("Can we meet on Saturday?"));
            Assert.That(directMessages[0]!["is_mine"]!.GetValue<bool>(), Is.True);
            Assert.That(directMessages[1]!["reactions"]![0]!["user_ids"]![0]!.GetValue<int>(), Is.EqualTo(me.Id));
            Assert.That(groupExport["messages"]![0]!["id"]!.GetValue<int>(), Is.EqualTo(inGroup["id"]!.GetValue<int>()));
            Assert.That(export.ToJsonString(), Does.Not.Contain("not for Me's eyes"));
        }
    }

    [Test]
    public async Task Export_LeavesOutWhatMyHistoryHides()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        var beforeClearing = await other.SendOkAsync(direct, "before I cleared the chat");
        await Db.ExecuteAsync("UPDATE conversation_participants SET chat_cleared_at = now() WHERE user_id = $1", me.Id);
        var deletedForMe = await other.SendOkAsync(direct, "deleted for me");
        await Db.ExecuteAsync(
            "INSERT INTO chat_message_deletions (message_id, user_id, deleted_at) VALUES ($1, $2, now())", deletedForMe["id"]!.GetValue<int>(), me.Id);
        var kept = await other.SendOkAsync(direct, "still visible");

        var export = await (await me.ExportMyDataAsync()).JsonAsync(HttpStatusCode.OK);

        var messages = export["conversations"]![0]!["messages"]!.AsArray();
        Assert.That(messages.Select(m => m!["id"]!.GetValue<int>()), Is.EqualTo(new[] { kept["id"]!.GetValue<int>() }));
        Assert.That(beforeClearing, Is.Not.Null);
    }

    [Test]
    public async Task Export_ReadsManyMessagesInBatches_AndLosesNone()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        var group = await Db.InsertGroupAsync("Big group", other.Id, me.Id);
        const int InDirect = 1203;
        const int InGroup = 40;
        await AddMessagesAsync(direct, me.Id, InDirect);
        await AddMessagesAsync(group, other.Id, InGroup);

        var export = await (await me.ExportMyDataAsync()).JsonAsync(HttpStatusCode.OK);

        var conversations = export["conversations"]!.AsArray();
        var directIds = conversations.Single(c => c!["conversation"]!["id"]!.GetValue<int>() == direct)!["messages"]!.AsArray()
            .Select(m => m!["id"]!.GetValue<int>()).ToList();
        var groupCount = conversations.Single(c => c!["conversation"]!["id"]!.GetValue<int>() == group)!["messages"]!.AsArray().Count;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(directIds, Has.Count.EqualTo(InDirect));
            Assert.That(directIds, Is.Ordered.Ascending);
            Assert.That(directIds, Is.Unique);
            Assert.That(groupCount, Is.EqualTo(InGroup));
        }
    }

    [Test]
    public async Task Export_WithNothingStored_IsAnEmptyDocumentWithDefaultSettings()
    {
        var me = await UserAsync("Me");

        var export = await (await me.ExportMyDataAsync()).JsonAsync(HttpStatusCode.OK);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(export["conversations"]!.AsArray(), Is.Empty);
            Assert.That(export["blocks"]!.AsArray(), Is.Empty);
            Assert.That(export["last_seen_at"], Is.Null);
            Assert.That(export["settings"]!["last_seen_visibility"]!.GetValue<string>(), Is.EqualTo("everyone"));
        }
    }

    [Test]
    public async Task Export_ForSomeoneElse_IsRefused()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");

        var response = await me.Http.GetAsync(new Uri($"/api/chat/data/export?user_id={other.Id}", UriKind.Relative));
        var anonymous = await Factory.AnonymousClient().GetAsync(new Uri("/api/chat/data/export", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "user_id_mismatch");
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task OpenApiDocument_DescribesTheYourDataRoutes()
    {
        var document = await (await Factory.AnonymousClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);

        var paths = document["paths"]!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths["/api/chat/data/export"]?["get"], Is.Not.Null);
            Assert.That(paths["/api/chat/data"]?["delete"], Is.Not.Null);
            Assert.That(document.ToJsonString(), Does.Contain("\"participant_user_ids\"").And.Contain("\"last_seen_at\""));
        }
    }

    private static Task AddMessagesAsync(int conversationId, int senderId, int count) =>
        Db.ExecuteAsync(
            """
            INSERT INTO chat_messages (conversation_id, sender_user_id, message_type, content, is_forwarded, is_edited,
                                       is_deleted, deleted_for_everyone, is_pinned, created_at, updated_at)
            SELECT $1, $2, 'text', 'message ' || g, false, false, false, false, false,
                   now() + g * interval '1 millisecond', now()
            FROM generate_series(1, $3) AS g
            """,
            conversationId, senderId, count);
}
