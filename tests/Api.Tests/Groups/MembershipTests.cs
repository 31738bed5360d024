using System.Net;

namespace Astegni.Chat.Api.Tests.Groups;

public sealed class MembershipTests : ApiTest
{
    [Test]
    public async Task Add_ByTheAdmin_AddsThePeople_AndReportsWhoWasRefused()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var newcomer = await UserAsync("Newcomer");
        var blocker = await UserAsync("Blocker");
        await blocker.BlockAsync(admin.Id);
        var id = await admin.CreateGroupIdAsync("G", member.Id);

        var body = await admin.AddParticipantsOkAsync(id, newcomer.Id, member.Id, blocker.Id, 987654);

        var refused = body["refused"]!.AsArray().Select(r => (r!["user_id"]!.GetValue<int>(), r["code"]!.GetValue<string>()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["added"]!.AsArray().Select(a => a!.GetValue<int>()), Is.EqualTo(new[] { newcomer.Id }));
            Assert.That(refused, Is.EqualTo(new[]
            {
                (member.Id, "already_member"),
                (blocker.Id, "cannot_add_user"),
                (987654, "user_not_found"),
            }));
        }

        Assert.That((await newcomer.RolesAsync(id))[newcomer.Id], Is.EqualTo("member"));
    }

    [Test]
    public async Task Add_ByAMemberWhoIsNotAdmin_IsForbidden_AndAddsNobody()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var friend = await UserAsync("Friend");
        var id = await admin.CreateGroupIdAsync("G", member.Id);

        var response = await member.AddParticipantsAsync(id, friend.Id);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_group_admin");
        await (await friend.GetConversationAsync(id)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task Add_WithNoOneNamed_IsRefused()
    {
        var admin = await UserAsync("Admin");
        var id = await admin.CreateGroupIdAsync("G");

        var response = await admin.AddParticipantsAsync(id);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_participants");
    }

    [Test]
    public async Task Remove_ByTheAdmin_EndsTheMembership()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);

        await (await admin.RemoveParticipantAsync(id, member.Id)).NoContentAsync();

        await (await member.GetConversationAsync(id)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await member.SendAsync(id, "still here?")).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await member.Http.GetAsync(new Uri($"/api/chat/messages/{id}", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.That((await admin.RolesAsync(id)).Keys, Is.EqualTo(new[] { admin.Id }));
    }

    [Test]
    public async Task Remove_ByAMemberWhoIsNotAdmin_IsForbidden()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var other = await UserAsync("Other");
        var id = await admin.CreateGroupIdAsync("G", member.Id, other.Id);

        var response = await member.RemoveParticipantAsync(id, other.Id);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_group_admin");
        Assert.That((await other.RolesAsync(id)).Keys, Does.Contain(other.Id));
    }

    [Test]
    public async Task Remove_SomeoneNotInTheGroup_IsParticipantNotFound()
    {
        var admin = await UserAsync("Admin");
        var stranger = await UserAsync("Stranger");
        var id = await admin.CreateGroupIdAsync("G");

        var response = await admin.RemoveParticipantAsync(id, stranger.Id);

        await response.ProblemAsync(HttpStatusCode.NotFound, "participant_not_found");
    }

    [Test]
    public async Task Leave_ByAnyMember_Works()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);

        await (await member.LeaveAsync(id)).NoContentAsync();

        Assert.That((await admin.RolesAsync(id)).Keys, Is.EqualTo(new[] { admin.Id }));
        Assert.That((await member.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Leave_ByTheLastAdmin_HandsAdminToTheLongestStandingMember()
    {
        var admin = await UserAsync("Admin");
        var first = await UserAsync("First");
        var second = await UserAsync("Second");
        var id = await admin.CreateGroupIdAsync("G", first.Id);
        await admin.AddParticipantsOkAsync(id, second.Id);

        await (await admin.LeaveAsync(id)).NoContentAsync();

        var roles = await second.RolesAsync(id);
        Assert.That(roles, Is.EqualTo(new Dictionary<int, string> { [first.Id] = "admin", [second.Id] = "member" }));
        await (await first.AddParticipantsAsync(id, admin.Id)).JsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Leave_ByOneOfTwoAdmins_KeepsTheOtherAsTheOnlyAdmin()
    {
        var admin = await UserAsync("Admin");
        var deputy = await UserAsync("Deputy");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id, deputy.Id);
        await (await admin.ChangeRoleAsync(id, deputy.Id, "admin")).NoContentAsync();

        await (await admin.LeaveAsync(id)).NoContentAsync();

        Assert.That(await member.RolesAsync(id), Is.EqualTo(new Dictionary<int, string> { [deputy.Id] = "admin", [member.Id] = "member" }));
    }

    [Test]
    public async Task ConcurrentLeaves_OfTwoAdmins_StillLeaveTheGroupAnAdmin()
    {
        var first = await UserAsync("First");
        var second = await UserAsync("Second");
        var member = await UserAsync("Member");
        var id = await first.CreateGroupIdAsync("G", second.Id, member.Id);
        await (await first.ChangeRoleAsync(id, second.Id, "admin")).NoContentAsync();

        var leaves = await Task.WhenAll(first.LeaveAsync(id), second.LeaveAsync(id));

        Assert.That(leaves.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await member.RolesAsync(id), Is.EqualTo(new Dictionary<int, string> { [member.Id] = "admin" }));
    }

    [Test]
    public async Task ReAdd_AFormerMember_ReactivatesTheirOneMembership_AsAMember()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);
        await (await admin.ChangeRoleAsync(id, member.Id, "admin")).NoContentAsync();
        var firstJoined = await JoinedAtAsync(member, id, member.Id);
        await (await member.LeaveAsync(id)).NoContentAsync();

        var body = await admin.AddParticipantsOkAsync(id, member.Id);

        Assert.That(body["added"]!.AsArray().Select(a => a!.GetValue<int>()), Is.EqualTo(new[] { member.Id }));
        var rows = await Db.ScalarAsync<long>(
            "SELECT count(*) FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2", id, member.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Is.EqualTo(1), "one membership row per person and conversation");
            Assert.That((await member.RolesAsync(id))[member.Id], Is.EqualTo("member"), "comes back without the old role");
            Assert.That(await JoinedAtAsync(member, id, member.Id), Is.GreaterThan(firstJoined), "joined again, now");
        }
    }

    [Test]
    public async Task NewMember_DoesNotSeeMessagesSentBeforeTheyJoined()
    {
        var admin = await UserAsync("Admin");
        var early = await UserAsync("Early");
        var late = await UserAsync("Late");
        var id = await admin.CreateGroupIdAsync("G", early.Id);
        await admin.SendOkAsync(id, "before");
        await early.SendOkAsync(id, "also before");

        await admin.AddParticipantsOkAsync(id, late.Id);
        await early.SendOkAsync(id, "after");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await late.VisibleContentsAsync(id), Is.EqualTo(new[] { "after" }));
            Assert.That(await early.VisibleContentsAsync(id), Is.EqualTo(new[] { "before", "also before", "after" }));
        }

        var summary = (await late.GetConversationOkAsync(id))["last_message"]!;
        Assert.That(summary["preview"]!.GetValue<string>(), Is.EqualTo("after"));
    }

    [Test]
    public async Task ReAddedMember_SeesOnlyWhatWasSentSinceTheyRejoined()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);
        await member.SendOkAsync(id, "first stay");
        await (await member.LeaveAsync(id)).NoContentAsync();
        await admin.SendOkAsync(id, "while away");

        await admin.AddParticipantsOkAsync(id, member.Id);
        await admin.SendOkAsync(id, "welcome back");

        Assert.That(await member.VisibleContentsAsync(id), Is.EqualTo(new[] { "welcome back" }));
    }

    [Test]
    public async Task Promote_ThenDemote_ChangesTheRole()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);

        await (await admin.ChangeRoleAsync(id, member.Id, "admin")).NoContentAsync();
        var promoted = await member.RolesAsync(id);
        await (await member.ChangeRoleAsync(id, admin.Id, "member")).NoContentAsync();
        var afterDemotion = await member.RolesAsync(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(promoted, Is.EqualTo(new Dictionary<int, string> { [admin.Id] = "admin", [member.Id] = "admin" }));
            Assert.That(afterDemotion, Is.EqualTo(new Dictionary<int, string> { [admin.Id] = "member", [member.Id] = "admin" }));
        }

        await (await admin.AddParticipantsAsync(id, 1)).ProblemAsync(HttpStatusCode.Forbidden, "not_group_admin");
    }

    [Test]
    public async Task ChangeRole_ByAMemberWhoIsNotAdmin_IsForbidden()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);

        var response = await member.ChangeRoleAsync(id, member.Id, "admin");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_group_admin");
        Assert.That((await member.RolesAsync(id))[member.Id], Is.EqualTo("member"));
    }

    [Test]
    public async Task Demoting_TheLastAdmin_IsRefused()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);

        var response = await admin.ChangeRoleAsync(id, admin.Id, "member");

        await response.ProblemAsync(HttpStatusCode.Conflict, "group_needs_an_admin");
    }

    [Test]
    public async Task ChangeRole_OfSomeoneNotInTheGroup_IsParticipantNotFound()
    {
        var admin = await UserAsync("Admin");
        var stranger = await UserAsync("Stranger");
        var id = await admin.CreateGroupIdAsync("G");

        var response = await admin.ChangeRoleAsync(id, stranger.Id, "admin");

        await response.ProblemAsync(HttpStatusCode.NotFound, "participant_not_found");
    }

    [TestCase("owner")]
    [TestCase("Admin")]
    [TestCase("")]
    [TestCase(null)]
    public async Task ChangeRole_ToAnUnknownRole_IsRefused(string? role)
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);

        var response = await admin.ChangeRoleAsync(id, member.Id, role);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_role");
    }

    [Test]
    public async Task GroupOperations_OnADirectChat_AreRefusedAsNotAGroup()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var third = await UserAsync("Third");
        var id = await me.OpenDirectIdAsync(other.Id);

        await (await me.AddParticipantsAsync(id, third.Id)).ProblemAsync(HttpStatusCode.Conflict, "not_a_group");
        await (await me.RemoveParticipantAsync(id, other.Id)).ProblemAsync(HttpStatusCode.Conflict, "not_a_group");
        await (await me.LeaveAsync(id)).ProblemAsync(HttpStatusCode.Conflict, "not_a_group");
        await (await me.ChangeRoleAsync(id, other.Id, "admin")).ProblemAsync(HttpStatusCode.Conflict, "not_a_group");
        await (await me.UpdateGroupAsync(id, new System.Text.Json.Nodes.JsonObject { ["name"] = "Us" }))
            .ProblemAsync(HttpStatusCode.Conflict, "not_a_group");

        Assert.That((await other.GetConversationOkAsync(id))["participant_count"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task GroupOperations_OnMyNotes_AreRefusedAsNotAGroup()
    {
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var id = await me.OpenDirectIdAsync(me.Id);

        await (await me.AddParticipantsAsync(id, friend.Id)).ProblemAsync(HttpStatusCode.Conflict, "not_a_group");
        await (await me.LeaveAsync(id)).ProblemAsync(HttpStatusCode.Conflict, "not_a_group");
    }

    private static async Task<DateTimeOffset> JoinedAtAsync(TestUser viewer, int conversationId, int userId) =>
        (await viewer.GetConversationOkAsync(conversationId))["participants"]!.AsArray()
        .Single(p => p!["user_id"]!.GetValue<int>() == userId)!["joined_at"]!.GetValue<DateTimeOffset>();
}
