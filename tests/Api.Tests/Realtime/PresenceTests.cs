using System.Net;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;

namespace Astegni.Chat.Api.Tests.Realtime;

/// <summary>
/// Presence: online while a hub connection is open, last seen stored when the last one closes, both
/// shown (pushed and queried) only as the person's settings and blocks allow.
/// </summary>
public sealed class PresenceTests : ApiTest
{
    private const string PresenceChanged = "presence_changed";

    // Connections of an earlier test may still be closing; their last-seen rows would land on this
    // test's users (ids are reused), so wait for them, then empty the tables once more.
    [SetUp]
    public async Task StartQuiet()
    {
        await Factory.WaitUntilQuietAsync();
        await Db.ResetAsync();
    }

    [TearDown]
    public Task EndQuiet() => Factory.WaitUntilQuietAsync();

    [Test]
    public async Task Connecting_TellsWhoSharesAConversation_ButNotAnOutsider()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var outsider = await UserAsync("Outsider");
        await abebe.OpenDirectIdAsync(almaz.Id);
        await using var almazPhone = await HubListener.ConnectAsync(almaz.Id, PresenceChanged);
        await using var outsiderPhone = await HubListener.ConnectAsync(outsider.Id, PresenceChanged);

        await using var abebePhone = await HubListener.ConnectAsync(abebe.Id, PresenceChanged);

        var online = await almazPhone.NextAsync(PresenceChanged);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(online.Int("user_id"), Is.EqualTo(abebe.Id));
            Assert.That(online.GetProperty("is_online").GetBoolean(), Is.True);
            Assert.That(online.Has("last_seen"), Is.False, "nothing to say about last seen while online");
        }

        await Task.Delay(HubListener.Quiet);
        Assert.That(outsiderPhone.All(PresenceChanged), Is.Empty);
    }

    [Test]
    public async Task StatusQuery_WhileConnected_ShowsOnline_AndAfterTheLastDisconnect_ShowsTheStoredLastSeen()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var before = DateTimeOffset.UtcNow;
        var abebePhone = await HubListener.ConnectAsync(abebe.Id);

        var whileOnline = (await almaz.StatusesAsync(abebe.Id))[abebe.Id];
        await abebePhone.DisposeAsync();
        await Factory.WaitUntilQuietAsync();
        var afterwards = (await almaz.StatusesAsync(abebe.Id))[abebe.Id];
        var stored = await Db.ScalarAsync<DateTime>("SELECT last_seen_at FROM chat_user_presence WHERE user_id = $1", abebe.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileOnline["is_online"]!.GetValue<bool>(), Is.True);
            Assert.That(whileOnline.ContainsKey("last_seen"), Is.False, "never seen leaving yet");
            Assert.That(afterwards["is_online"]!.GetValue<bool>(), Is.False);
            Assert.That(afterwards["last_seen"]!.Time(), Is.InRange(before, DateTimeOffset.UtcNow));
            Assert.That(afterwards["last_seen"]!.Time(), Is.EqualTo(new DateTimeOffset(stored, TimeSpan.Zero)).Within(TimeSpan.FromMilliseconds(1)));
        }
    }

    [Test]
    public async Task SecondDevice_AnnouncesNothing_AndOnlyTheLastDisconnectGoesOffline()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        await abebe.OpenDirectIdAsync(almaz.Id);
        await using var almazPhone = await HubListener.ConnectAsync(almaz.Id, PresenceChanged);
        var abebePhone = await HubListener.ConnectAsync(abebe.Id);
        await almazPhone.NextAsync(PresenceChanged);

        var abebeLaptop = await HubListener.ConnectAsync(abebe.Id);
        await abebeLaptop.DisposeAsync();
        await Task.Delay(HubListener.Quiet);
        var withOneDeviceLeft = (await almaz.StatusesAsync(abebe.Id))[abebe.Id];
        Assert.That(almazPhone.All(PresenceChanged), Has.Count.EqualTo(1), "neither the second device nor its closing is news");
        Assert.That(withOneDeviceLeft["is_online"]!.GetValue<bool>(), Is.True);

        await abebePhone.DisposeAsync();

        var offline = await almazPhone.NextAsync(PresenceChanged);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(offline.Int("user_id"), Is.EqualTo(abebe.Id));
            Assert.That(offline.GetProperty("is_online").GetBoolean(), Is.False);
            Assert.That(offline.Has("last_seen"), Is.True);
        }
    }

    [Test]
    public async Task HiddenOnlineStatus_IsLeftOutOfPushesAndQueries_WhileLastSeenStillShows()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        await abebe.OpenDirectIdAsync(almaz.Id);
        await abebe.PutSettingsAsync(new JsonObject { ["online_status"] = false });
        await using var almazPhone = await HubListener.ConnectAsync(almaz.Id, PresenceChanged);

        var abebePhone = await HubListener.ConnectAsync(abebe.Id);
        await Task.Delay(HubListener.Quiet);
        var noOnlineNews = almazPhone.All(PresenceChanged).Count;
        var whileOnline = (await almaz.StatusesAsync(abebe.Id))[abebe.Id];
        await abebePhone.DisposeAsync();
        var offline = await almazPhone.NextAsync(PresenceChanged);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(noOnlineNews, Is.Zero);
            Assert.That(whileOnline.ContainsKey("is_online"), Is.False, "omitted, not false");
            Assert.That(offline.Has("is_online"), Is.False);
            Assert.That(offline.Has("last_seen"), Is.True);
        }
    }

    [Test]
    public async Task LastSeenForConnections_IsPushedToAConnection_ButNotToAnotherMember()
    {
        var abebe = await UserAsync("Abebe");
        var friend = await UserAsync("Friend");
        var classmate = await UserAsync("Classmate");
        await Db.ConnectAsync(abebe.Id, friend.Id);
        await Db.InsertGroupAsync("Grade 11 maths", abebe.Id, friend.Id, classmate.Id);
        await abebe.PutSettingsAsync(new JsonObject { ["last_seen_visibility"] = "connections" });
        await using var friendPhone = await HubListener.ConnectAsync(friend.Id, PresenceChanged);
        await using var classmatePhone = await HubListener.ConnectAsync(classmate.Id, PresenceChanged);
        var abebePhone = await HubListener.ConnectAsync(abebe.Id);
        await friendPhone.NextAsync(PresenceChanged, aboutUserId: abebe.Id);
        await classmatePhone.NextAsync(PresenceChanged, aboutUserId: abebe.Id);

        await abebePhone.DisposeAsync();

        var toFriend = await friendPhone.NextAsync(PresenceChanged, aboutUserId: abebe.Id);
        var toClassmate = await classmatePhone.NextAsync(PresenceChanged, aboutUserId: abebe.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(toFriend.Has("last_seen"), Is.True);
            Assert.That(toFriend.GetProperty("is_online").GetBoolean(), Is.False);
            Assert.That(toClassmate.Has("last_seen"), Is.False);
            Assert.That(toClassmate.GetProperty("is_online").GetBoolean(), Is.False);
        }
    }

    [TestCase("everyone", false, true)]
    [TestCase("everyone", true, true)]
    [TestCase("connections", true, true)]
    [TestCase("connections", false, false)]
    [TestCase("nobody", true, false)]
    [TestCase("nobody", false, false)]
    public async Task StatusQuery_ShowsLastSeenPerTheTargetsSetting(string visibility, bool connected, bool shown)
    {
        var target = await UserAsync("Target");
        var viewer = await UserAsync("Viewer");
        if (connected)
        {
            await Db.ConnectAsync(viewer.Id, target.Id);
        }

        await target.PutSettingsAsync(new JsonObject { ["last_seen_visibility"] = visibility });
        await Db.ExecuteAsync("INSERT INTO chat_user_presence (user_id, last_seen_at) VALUES ($1, now() - interval '1 hour')", target.Id);

        var status = (await viewer.StatusesAsync(target.Id))[target.Id];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.ContainsKey("last_seen"), Is.EqualTo(shown));
            Assert.That(status["is_online"]!.GetValue<bool>(), Is.False, "online status is its own setting");
        }
    }

    [Test]
    public async Task Block_HidesPresenceInBothDirections_InPushesAndQueries()
    {
        var me = await UserAsync("Me");
        var blockedMe = await UserAsync("BlockedMe");
        var iBlocked = await UserAsync("IBlocked");
        var friend = await UserAsync("Friend");
        await Db.InsertGroupAsync("Biology", me.Id, blockedMe.Id, iBlocked.Id, friend.Id);
        await blockedMe.BlockAsync(me.Id);
        await me.BlockAsync(iBlocked.Id);
        await Db.ExecuteAsync("INSERT INTO chat_user_presence (user_id, last_seen_at) SELECT id, now() FROM users");
        await using var blockedMePhone = await HubListener.ConnectAsync(blockedMe.Id, PresenceChanged);
        await using var iBlockedPhone = await HubListener.ConnectAsync(iBlocked.Id, PresenceChanged);
        await using var friendPhone = await HubListener.ConnectAsync(friend.Id, PresenceChanged);

        var myPhone = await HubListener.ConnectAsync(me.Id, PresenceChanged);
        await friendPhone.NextAsync(PresenceChanged, aboutUserId: me.Id);
        var mine = await me.StatusesAsync(blockedMe.Id, iBlocked.Id, friend.Id);
        var theirs = await blockedMe.StatusesAsync(me.Id);
        var whoIBlockedSees = await iBlocked.StatusesAsync(me.Id);
        await myPhone.DisposeAsync();
        await friendPhone.NextAsync(PresenceChanged, aboutUserId: me.Id);
        await Task.Delay(HubListener.Quiet);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(blockedMePhone.All(PresenceChanged).Where(e => e.Int("user_id") == me.Id), Is.Empty);
            Assert.That(iBlockedPhone.All(PresenceChanged).Where(e => e.Int("user_id") == me.Id), Is.Empty);
            Assert.That(myPhone.All(PresenceChanged).Select(e => e.Int("user_id")), Is.SubsetOf(new[] { friend.Id }));
            Assert.That(KeysOf(mine[blockedMe.Id]), Is.EqualTo(new[] { "user_id" }));
            Assert.That(KeysOf(mine[iBlocked.Id]), Is.EqualTo(new[] { "user_id" }));
            Assert.That(KeysOf(mine[friend.Id]), Is.EquivalentTo(new[] { "user_id", "is_online", "last_seen" }));
            Assert.That(KeysOf(theirs[me.Id]), Is.EqualTo(new[] { "user_id" }));
            Assert.That(KeysOf(whoIBlockedSees[me.Id]), Is.EqualTo(new[] { "user_id" }));
        }
    }

    [Test]
    public async Task MyOwnStatus_IsAlwaysVisibleToMe()
    {
        var me = await UserAsync("Me");
        await me.PutSettingsAsync(new JsonObject { ["online_status"] = false, ["last_seen_visibility"] = "nobody" });
        await Db.ExecuteAsync("INSERT INTO chat_user_presence (user_id, last_seen_at) VALUES ($1, now())", me.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id);

        var status = (await me.StatusesAsync(me.Id))[me.Id];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status["is_online"]!.GetValue<bool>(), Is.True);
            Assert.That(status.ContainsKey("last_seen"), Is.True);
        }
    }

    [Test]
    public async Task StatusQuery_AnswersInTheOrderAsked_OnceEach_AndShowsNothingAboutUnknownUsers()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");

        var body = await (await me.GetStatusesAsync($"{other.Id}, 424242,{other.Id},{me.Id}")).JsonAsync(HttpStatusCode.OK);
        var statuses = body["statuses"]!.AsArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses.Select(s => s!["user_id"]!.GetValue<int>()), Is.EqualTo(new[] { other.Id, 424242, me.Id }));
            Assert.That(KeysOf(statuses[1]!.AsObject()), Is.EqualTo(new[] { "user_id" }), "an unknown user looks like one who hides everything");
            Assert.That(statuses[0]!["is_online"]!.GetValue<bool>(), Is.False);
        }
    }

    [TestCase("1,abc", "invalid_user_ids")]
    [TestCase("1,,2", "invalid_user_ids")]
    [TestCase("-4", "invalid_user_ids")]
    [TestCase("0", "invalid_user_ids")]
    [TestCase("99999999999", "invalid_user_ids")]
    [TestCase("1;2", "invalid_user_ids")]
    [TestCase("", "user_ids_required")]
    public async Task StatusQuery_WithMalformedIds_IsRefusedWithACode(string userIds, string code)
    {
        var me = await UserAsync("Me");

        var response = await me.GetStatusesAsync(userIds);

        await response.ProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Test]
    public async Task StatusQuery_WithoutIds_IsRefusedWithACode()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri("/api/chat/users/status", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "user_ids_required");
    }

    [Test]
    public async Task StatusQuery_ForMoreThan200Users_IsRefused_But200AreAnswered()
    {
        var me = await UserAsync("Me");

        var tooMany = await me.GetStatusesAsync(string.Join(',', Enumerable.Range(1, 201)));
        var most = await me.GetStatusesAsync(string.Join(',', Enumerable.Range(1, 200)));

        await tooMany.ProblemAsync(HttpStatusCode.BadRequest, "too_many_user_ids");
        Assert.That((await most.JsonAsync(HttpStatusCode.OK))["statuses"]!.AsArray(), Has.Count.EqualTo(200));
    }

    [Test]
    public async Task StatusQuery_WithoutAToken_IsUnauthorized()
    {
        var response = await Factory.AnonymousClient().GetAsync(new Uri("/api/chat/users/status?user_ids=1", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task OpenApiDocument_DescribesTheStatusRoute()
    {
        var document = await (await Factory.AnonymousClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);

        var route = document["paths"]!["/api/chat/users/status"]?["get"];
        Assert.That(route, Is.Not.Null);
        Assert.That(route!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()), Does.Contain("user_ids"));
        Assert.That(document.ToJsonString(), Does.Contain("\"is_online\"").And.Contain("\"last_seen\""));
    }

    private static string[] KeysOf(JsonObject status) => status.Select(p => p.Key).ToArray();
}
