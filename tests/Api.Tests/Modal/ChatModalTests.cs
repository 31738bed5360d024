using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;

namespace Astegni.Chat.Api.Tests.Modal;

/// <summary>
/// What Astegni's chat modal (the old frontend, <c>js/common-modals/chat-modal.js</c>) needs from the service
/// while it moves over: it marks itself with <c>?user_id=</c>, names people by role profile, polls history by
/// timestamp, never calls the read route, and polls typing and presence over REST.
/// </summary>
public sealed class ChatModalTests : ApiTest
{
    // Astegni's role profile tables (other modules own them; a standalone database has none). Truncating users
    // between tests empties them through their foreign keys.
    [OneTimeSetUp]
    public async Task CreateProfileTables()
    {
        foreach (var type in new[] { "student", "tutor", "parent" })
        {
            await Db.ExecuteAsync(
                $"CREATE TABLE IF NOT EXISTS {type}_profiles (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE)");
        }
    }

    [SetUp]
    public Task StartQuiet() => Factory.WaitUntilQuietAsync();

    [TearDown]
    public Task EndQuiet() => Factory.WaitUntilQuietAsync();

    [Test]
    public async Task OldClient_DirectChatsAndBlocks_CarryTheSameProfileKeys_SoOneBlockHidesOnlyThatChat()
    {
        var me = await UserAsync("Me");
        var tutor = await UserAsync("Tutor");
        var plain = await UserAsync("Plain");
        var tutorProfile = await ProfileAsync(tutor.Id, "tutor");
        await ProfileAsync(tutor.Id, "student");
        await Db.ExecuteAsync("UPDATE users SET active_role = 'tutor' WHERE id = $1", tutor.Id);
        var withTutor = await me.OpenDirectIdAsync(tutor.Id);
        var withPlain = await me.OpenDirectIdAsync(plain.Id);
        await (await me.BlockAsync(tutor.Id)).NoContentAsync();

        var list = (await me.GetJsonAsync($"/api/chat/conversations?user_id={me.Id}&filter_type=all"))["conversations"]!.AsArray();
        var blocked = (await me.GetJsonAsync($"/api/chat/blocked?user_id={me.Id}"))["blocked"]!.AsArray();
        var newClientList = (await me.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray();

        var tutorChat = list.Single(c => c!["id"]!.GetValue<int>() == withTutor)!;
        var plainChat = list.Single(c => c!["id"]!.GetValue<int>() == withPlain)!;
        var block = blocked.Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tutorChat["other_profile_id"]!.GetValue<int>(), Is.EqualTo(tutorProfile));
            Assert.That(tutorChat["other_profile_type"]!.GetValue<string>(), Is.EqualTo("tutor"), "the profile of their active role");
            Assert.That(plainChat["other_profile_type"]!.GetValue<string>(), Is.EqualTo("user"), "no profile: keyed by the user");
            Assert.That(plainChat["other_profile_id"]!.GetValue<int>(), Is.EqualTo(plain.Id));
            Assert.That(block["blocked_user_id"]!.GetValue<int>(), Is.EqualTo(tutor.Id));
            Assert.That(block["blocked_profile_id"]!.GetValue<int>(), Is.EqualTo(tutorProfile));
            Assert.That(block["blocked_profile_type"]!.GetValue<string>(), Is.EqualTo("tutor"));
            Assert.That(newClientList[0]!.AsObject().ContainsKey("other_profile_id"), Is.False, "new clients match blocks by user id");
        }
    }

    [Test]
    public async Task OldClient_UnblocksByProfile_TheUserWhoOwnsIt()
    {
        var me = await UserAsync("Me");
        var tutor = await UserAsync("Tutor");
        var studentProfile = await ProfileAsync(tutor.Id, "student");
        await (await me.BlockAsync(tutor.Id)).NoContentAsync();

        var unknown = await me.Http.DeleteAsync(new Uri($"/api/chat/block/{studentProfile + 1000}/student?user_id={me.Id}", UriKind.Relative));
        var unblocked = await me.Http.DeleteAsync(new Uri($"/api/chat/block/{studentProfile}/student?user_id={me.Id}", UriKind.Relative));

        await unknown.ProblemAsync(HttpStatusCode.NotFound, "profile_not_found");
        await unblocked.NoContentAsync();
        var blocked = (await me.GetJsonAsync($"/api/chat/blocked?user_id={me.Id}"))["blocked"]!.AsArray();
        Assert.That(blocked, Is.Empty);
        Assert.That(await me.SendAsync(await me.OpenDirectIdAsync(tutor.Id), "Back in touch"), Has.Property("StatusCode").EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task ConversationList_ShowsTheLastMessage_AsContent_AlsoWhenItHasNoText()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var third = await UserAsync("Third");
        var withOther = await me.OpenDirectIdAsync(other.Id);
        var withThird = await me.OpenDirectIdAsync(third.Id);
        await other.SendOkAsync(withOther, "See you on Saturday");
        var deleted = await third.SendIdAsync(withThird, "Oops");
        await (await third.Http.DeleteAsync(new Uri($"/api/chat/messages/{deleted}?for=everyone", UriKind.Relative))).NoContentAsync();

        var list = (await me.GetJsonAsync($"/api/chat/conversations?user_id={me.Id}"))["conversations"]!.AsArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(LastContent(list, withOther), Is.EqualTo("See you on Saturday"));
            Assert.That(LastContent(list, withThird), Is.EqualTo("Message deleted"));
        }
    }

    [Test]
    public async Task HistoryPoll_AfterATimestamp_GivesTheNewerMessages()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversation = await me.OpenDirectIdAsync(other.Id);
        var first = await me.SendOkAsync(conversation, "First");
        var second = await other.SendIdAsync(conversation, "Second");
        // As the modal sends it: JavaScript's toISOString of the newest message it has, in milliseconds.
        var firstAt = first["created_at"]!.Time().AddTicks(TimeSpan.TicksPerMillisecond).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        var newer = (await me.GetJsonAsync($"/api/chat/messages/{conversation}?user_id={me.Id}&after={Uri.EscapeDataString(firstAt)}"))["messages"]!.AsArray();
        var byId = (await me.GetJsonAsync($"/api/chat/messages/{conversation}?after={first["id"]}"))["messages"]!.AsArray();
        var malformed = await me.Http.GetAsync(new Uri($"/api/chat/messages/{conversation}?after=yesterday", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(newer.Select(m => m!["id"]!.GetValue<int>()), Is.EqualTo(new[] { second }));
            Assert.That(byId.Select(m => m!["id"]!.GetValue<int>()), Is.EqualTo(new[] { second }), "a message id still works");
        }

        await malformed.ProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Test]
    public async Task OldClient_ReadingTheNewestPage_ClearsTheUnreadBadge_ButANewClientOrAPollDoesNot()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversation = await me.OpenDirectIdAsync(other.Id);
        var first = await other.SendOkAsync(conversation, "One");
        await other.SendOkAsync(conversation, "Two");

        await me.GetJsonAsync($"/api/chat/messages/{conversation}");
        await me.GetJsonAsync($"/api/chat/messages/{conversation}?user_id={me.Id}&after={first["id"]}");
        var unreadForNewClient = await UnreadAsync(me, conversation);
        await me.GetJsonAsync($"/api/chat/messages/{conversation}?user_id={me.Id}");
        var unreadAfterOldClient = await UnreadAsync(me, conversation);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unreadForNewClient, Is.EqualTo(2), "new clients say what they read (POST …/read)");
            Assert.That(unreadAfterOldClient, Is.Zero);
        }
    }

    [Test]
    public async Task OldClient_Typing_IsShownToTheOtherMember_OverRestAndTheHub_ButNotToTheTyperOrAnOutsider()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other", "Person");
        var outsider = await UserAsync("Outsider");
        var conversation = await me.OpenDirectIdAsync(other.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, "typing");

        var posted = await other.Http.PostAsJsonAsync($"/api/chat/conversations/{conversation}/typing?user_id={other.Id}", new JsonObject { ["is_typing"] = true });
        var seenByMe = await me.GetJsonAsync($"/api/chat/conversations/{conversation}/typing?user_id={me.Id}");
        var seenByTyper = await other.GetJsonAsync($"/api/chat/conversations/{conversation}/typing?user_id={other.Id}");
        var outsiderAsks = await outsider.Http.GetAsync(new Uri($"/api/chat/conversations/{conversation}/typing", UriKind.Relative));
        var pushed = await myPhone.NextAsync("typing");
        await other.Http.PostAsJsonAsync($"/api/chat/conversations/{conversation}/typing?user_id={other.Id}", new JsonObject { ["is_typing"] = false });
        var afterStop = await me.GetJsonAsync($"/api/chat/conversations/{conversation}/typing?user_id={me.Id}");

        Assert.That((await posted.JsonAsync(HttpStatusCode.OK))["message"], Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seenByMe["is_someone_typing"]!.GetValue<bool>(), Is.True);
            Assert.That(seenByMe["typing_users"]![0]!["user_id"]!.GetValue<int>(), Is.EqualTo(other.Id));
            Assert.That(seenByMe["typing_users"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("Other Person"));
            Assert.That(seenByTyper["typing_users"]!.AsArray(), Is.Empty, "the typer is not told they type");
            Assert.That(pushed.Int("user_id"), Is.EqualTo(other.Id), "the same use case as the hub's Typing");
            Assert.That(afterStop["is_someone_typing"]!.GetValue<bool>(), Is.False);
        }

        await outsiderAsks.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task OldClient_Typing_IsNotShownAcrossABlock()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversation = await me.OpenDirectIdAsync(other.Id);
        await (await me.BlockAsync(other.Id)).NoContentAsync();

        await other.Http.PostAsJsonAsync($"/api/chat/conversations/{conversation}/typing", new JsonObject { ["is_typing"] = true });
        var seenByMe = await me.GetJsonAsync($"/api/chat/conversations/{conversation}/typing?user_id={me.Id}");

        Assert.That(seenByMe["typing_users"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task OldClient_Heartbeat_ShowsItOnline_AsPrivacyAllows_UntilItSaysItLeft()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var stranger = await UserAsync("Stranger");
        await Db.ConnectAsync(me.Id, other.Id);
        await me.OpenDirectIdAsync(other.Id);
        await (await other.PutSettingsAsync(new JsonObject { ["last_seen_visibility"] = "connections" })).JsonAsync(HttpStatusCode.OK);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, "presence_changed");
        try
        {
            var beat = await other.Http.PostAsync(
                new Uri($"/api/chat/users/status/update?user_id={other.Id}&device_name=Chrome%20on%20Linux&device_type=desktop", UriKind.Relative), null);
            var online = await OnlineStatusAsync(me, other.Id);
            var pushed = await myPhone.NextAsync("presence_changed", aboutUserId: other.Id);
            var forStranger = await OnlineStatusAsync(stranger, other.Id);
            var left = await other.Http.PostAsync(new Uri($"/api/chat/users/status/update?user_id={other.Id}&is_online=false", UriKind.Relative), null);
            var offline = await OnlineStatusAsync(me, other.Id);

            Assert.That((await beat.JsonAsync(HttpStatusCode.OK))["message"], Is.Not.Null);
            await left.JsonAsync(HttpStatusCode.OK);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(online["is_online"]!.GetValue<bool>(), Is.True);
                Assert.That(pushed.GetProperty("is_online").GetBoolean(), Is.True, "hub clients hear it as a connection");
                Assert.That(forStranger.ContainsKey("last_seen"), Is.False, "last seen only for connections");
                Assert.That(offline["is_online"]!.GetValue<bool>(), Is.False);
                Assert.That(offline["last_seen"], Is.Not.Null);
            }
        }
        finally
        {
            await other.Http.PostAsync(new Uri("/api/chat/users/status/update?is_online=false", UriKind.Relative), null);
        }
    }

    private static async Task<int> ProfileAsync(int userId, string type) =>
        await Db.ScalarAsync<int>($"INSERT INTO {type}_profiles (user_id) VALUES ($1) RETURNING id", userId);

    private static string? LastContent(JsonArray list, int conversationId) =>
        list.Single(c => c!["id"]!.GetValue<int>() == conversationId)!["last_message"]!["content"]!.GetValue<string>();

    private static async Task<int> UnreadAsync(TestUser user, int conversationId) =>
        (await user.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray()
        .Single(c => c!["id"]!.GetValue<int>() == conversationId)!["unread_count"]!.GetValue<int>();

    private static async Task<JsonObject> OnlineStatusAsync(TestUser viewer, int userId) =>
        (await viewer.GetJsonAsync($"/api/chat/users/online-status?user_id={viewer.Id}&user_ids={userId}"))["statuses"]![0]!.AsObject();
}
