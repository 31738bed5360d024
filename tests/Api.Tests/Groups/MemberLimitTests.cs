using System.Net;

namespace Astegni.Chat.Api.Tests.Groups;

/// <summary>
/// The member limit, with a service of its own configured as an operator would (<c>Chat__GroupMemberLimit</c>)
/// over the same test database, so a full group takes three people instead of 256.
/// </summary>
public sealed class MemberLimitTests : ApiTest
{
    private const int Limit = 3;
    private ChatApiFactory _limited = null!;

    [OneTimeSetUp]
    public void StartServiceWithASmallLimit()
    {
        // The host reads its environment while it starts; the shared service started long before.
        Environment.SetEnvironmentVariable("Chat__GroupMemberLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            _limited = new ChatApiFactory(Db.ConnectionString);
            _ = _limited.ServerAddress;
        }
        finally
        {
            Environment.SetEnvironmentVariable("Chat__GroupMemberLimit", null);
        }
    }

    [OneTimeTearDown]
    public async Task StopService() => await _limited.DisposeAsync();

    private async Task<TestUser> LimitedUserAsync(string name)
    {
        var id = await Db.AddUserAsync(name);
        return new TestUser(id, _limited.ClientFor(id));
    }

    [Test]
    public async Task Create_UpToTheLimit_IsAllowed()
    {
        var admin = await LimitedUserAsync("Admin");
        var b = await LimitedUserAsync("B");
        var c = await LimitedUserAsync("C");

        var body = await admin.CreateGroupOkAsync("Full", b.Id, c.Id);

        Assert.That(body["conversation"]!["participant_count"]!.GetValue<int>(), Is.EqualTo(Limit));
    }

    [Test]
    public async Task Create_WithMorePeopleThanTheLimit_IsRefused_AndCreatesNothing()
    {
        var admin = await LimitedUserAsync("Admin");
        var others = new[] { await LimitedUserAsync("B"), await LimitedUserAsync("C"), await LimitedUserAsync("D") };

        var response = await admin.CreateGroupAsync("Too many", others.Select(o => o.Id).ToArray());

        await response.ProblemAsync(HttpStatusCode.BadRequest, "group_member_limit_reached");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM conversations"), Is.Zero);
    }

    [Test]
    public async Task Add_BeyondTheLimit_AddsWhileThereIsRoom_AndRefusesTheRestOneByOne()
    {
        var admin = await LimitedUserAsync("Admin");
        var b = await LimitedUserAsync("B");
        var c = await LimitedUserAsync("C");
        var d = await LimitedUserAsync("D");
        var id = await admin.CreateGroupIdAsync("G", b.Id);

        var body = await admin.AddParticipantsOkAsync(id, c.Id, d.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["added"]!.AsArray().Select(a => a!.GetValue<int>()), Is.EqualTo(new[] { c.Id }));
            Assert.That(body["refused"]!.AsArray().Select(r => (r!["user_id"]!.GetValue<int>(), r["code"]!.GetValue<string>())),
                Is.EqualTo(new[] { (d.Id, "group_member_limit_reached") }));
        }

        await (await d.GetConversationAsync(id)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task TheLimit_CountsOnlyActiveMembers_SoAFullGroupHasRoomAgainAfterSomeoneLeaves()
    {
        var admin = await LimitedUserAsync("Admin");
        var b = await LimitedUserAsync("B");
        var c = await LimitedUserAsync("C");
        var d = await LimitedUserAsync("D");
        var id = await admin.CreateGroupIdAsync("G", b.Id, c.Id);
        var whileFull = await admin.AddParticipantsOkAsync(id, d.Id);

        await (await c.LeaveAsync(id)).NoContentAsync();
        var afterLeave = await admin.AddParticipantsOkAsync(id, d.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileFull["added"]!.AsArray(), Is.Empty);
            Assert.That(afterLeave["added"]!.AsArray().Select(a => a!.GetValue<int>()), Is.EqualTo(new[] { d.Id }));
        }
    }

    [Test]
    public async Task ConcurrentAdds_ByTwoAdmins_NeverOverfillTheGroup()
    {
        var admin = await LimitedUserAsync("Admin");
        var deputy = await LimitedUserAsync("Deputy");
        var c = await LimitedUserAsync("C");
        var d = await LimitedUserAsync("D");
        var id = await admin.CreateGroupIdAsync("G", deputy.Id);
        await (await admin.ChangeRoleAsync(id, deputy.Id, "admin")).NoContentAsync();

        await Task.WhenAll(admin.AddParticipantsAsync(id, c.Id), deputy.AddParticipantsAsync(id, d.Id));

        var active = await Db.ScalarAsync<long>(
            "SELECT count(*) FROM conversation_participants WHERE conversation_id = $1 AND is_active", id);
        Assert.That(active, Is.EqualTo(Limit));
    }

    [Test]
    public async Task Add_NamingMorePeopleThanTheLimit_IsRefusedOutright()
    {
        var admin = await LimitedUserAsync("Admin");
        var id = await admin.CreateGroupIdAsync("G");

        var response = await admin.AddParticipantsAsync(id, 101, 102, 103, 104);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "group_member_limit_reached");
    }
}
