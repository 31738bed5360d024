using System.Net;
using System.Text.Json.Nodes;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.CreateGroup;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Groups;

public sealed class CreateGroupTests : ApiTest
{
    [Test]
    public async Task Create_WithMembers_Answers201WithTheGroup_AndTheCreatorIsItsAdmin()
    {
        var tutor = await UserAsync("Tigist", "Alemu");
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");

        var response = await tutor.CreateGroupAsync("  Grade 9 Maths  ", abebe.Id, almaz.Id);

        var body = await response.JsonAsync(HttpStatusCode.Created);
        var conversation = body["conversation"]!;
        var id = conversation["id"]!.GetValue<int>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/chat/conversations/{id}"));
            Assert.That(conversation["type"]!.GetValue<string>(), Is.EqualTo("group"));
            Assert.That(conversation["name"]!.GetValue<string>(), Is.EqualTo("Grade 9 Maths"), "trimmed");
            Assert.That(conversation["participant_count"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(conversation["other_user_id"], Is.Null);
            Assert.That(conversation["last_message"], Is.Null);
            Assert.That(body["added"]!.AsArray().Select(a => a!.GetValue<int>()), Is.EqualTo(new[] { abebe.Id, almaz.Id }));
            Assert.That(body["refused"]!.AsArray(), Is.Empty);
        }

        var roles = await tutor.RolesAsync(id);
        Assert.That(roles, Is.EqualTo(new Dictionary<int, string> { [tutor.Id] = "admin", [abebe.Id] = "member", [almaz.Id] = "member" }));
    }

    [Test]
    public async Task CreatedGroup_IsInEveryMembersList_UnderItsName()
    {
        var tutor = await UserAsync("Tutor");
        var student = await UserAsync("Student");
        var outsider = await UserAsync("Outsider");
        var id = await tutor.CreateGroupIdAsync("Physics club", student.Id);

        var studentList = (await student.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray();
        var outsiderList = (await outsider.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(studentList.Select(c => c!["id"]!.GetValue<int>()), Is.EqualTo(new[] { id }));
            Assert.That(studentList[0]!["name"]!.GetValue<string>(), Is.EqualTo("Physics club"));
            Assert.That(studentList[0]!["type"]!.GetValue<string>(), Is.EqualTo("group"));
            Assert.That(outsiderList, Is.Empty);
        }
    }

    [Test]
    public async Task Create_WithNobodyElse_IsAGroupOfOne()
    {
        var me = await UserAsync("Me");

        var body = await (await me.CreateGroupAsync(new JsonObject { ["type"] = "group", ["name"] = "Just me" })).JsonAsync(HttpStatusCode.Created);

        Assert.That(body["conversation"]!["participant_count"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Create_NamingMyselfOrSomeoneTwice_AddsEachPersonOnce()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");

        var body = await me.CreateGroupOkAsync("G", other.Id, me.Id, other.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["conversation"]!["participant_count"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["added"]!.AsArray().Select(a => a!.GetValue<int>()), Is.EqualTo(new[] { other.Id }));
            Assert.That(body["refused"]!.AsArray(), Is.Empty);
        }
    }

    [Test]
    public async Task Create_AddsWhoeverMayBeAdded_AndReportsEachRefusalWithItsReason()
    {
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var blockedMe = await UserAsync("BlockedMe");
        var noAdds = await UserAsync("NoAdds");
        var connectionsOnly = await UserAsync("ConnectionsOnly");
        var connectedOnly = await UserAsync("ConnectedOnly");
        var iBlocked = await UserAsync("IBlocked");
        await blockedMe.BlockAsync(me.Id);
        await me.BlockAsync(iBlocked.Id);
        await noAdds.PutSettingsAsync(new JsonObject { ["allow_group_adds"] = "none" });
        await connectionsOnly.PutSettingsAsync(new JsonObject { ["allow_group_adds"] = "connections" });
        await connectedOnly.PutSettingsAsync(new JsonObject { ["allow_group_adds"] = "connections" });
        await Db.ConnectAsync(connectedOnly.Id, me.Id);

        var body = await me.CreateGroupOkAsync(
            "Study group", friend.Id, blockedMe.Id, noAdds.Id, connectionsOnly.Id, connectedOnly.Id, iBlocked.Id, 987654);

        var refused = body["refused"]!.AsArray()
            .Select(r => (r!["user_id"]!.GetValue<int>(), r["code"]!.GetValue<string>()))
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["added"]!.AsArray().Select(a => a!.GetValue<int>()), Is.EqualTo(new[] { friend.Id, connectedOnly.Id }));
            Assert.That(refused, Is.EqualTo(new[]
            {
                (blockedMe.Id, "cannot_add_user"),
                (noAdds.Id, "cannot_add_user"),
                (connectionsOnly.Id, "group_adds_from_connections_only"),
                (iBlocked.Id, "you_blocked_user"),
                (987654, "user_not_found"),
            }));
            Assert.That(body["conversation"]!["participant_count"]!.GetValue<int>(), Is.EqualTo(3));
        }

        var id = body["conversation"]!["id"]!.GetValue<int>();
        await (await blockedMe.GetConversationAsync(id)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.That((await blockedMe.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray(), Is.Empty,
            "the person who blocked me is not put in my group");
    }

    [Test]
    public async Task Create_ByABlockedPerson_RefusesTheBlockerWithTheSameAnswerAsNoGroupAdds()
    {
        var blocked = await UserAsync("Blocked");
        var blocker = await UserAsync("Blocker");
        var private_ = await UserAsync("Private");
        await blocker.BlockAsync(blocked.Id);
        await private_.PutSettingsAsync(new JsonObject { ["allow_group_adds"] = "none" });

        var body = await blocked.CreateGroupOkAsync("G", blocker.Id, private_.Id);

        var refused = body["refused"]!.AsArray();
        Assert.That(refused[0]!["code"]!.GetValue<string>(), Is.EqualTo(refused[1]!["code"]!.GetValue<string>()),
            "the blocked person cannot tell a block from a privacy choice");
    }

    [Test]
    public async Task Create_InProcess_ReportsTheSameAsOverRest()
    {
        var me = await Db.AddUserAsync("Me");
        var other = await Db.AddUserAsync("Other");
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new UserId(me));

        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateGroup("Booking: algebra", [other, 424242]));

        Assert.That(result.IsSuccess, Is.True, () => result.Error!.Code);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.Conversation.Type, Is.EqualTo("group"));
            Assert.That(result.Value.Added, Is.EqualTo(new[] { other }));
            Assert.That(result.Value.Refused.Select(r => (r.UserId, r.Code)), Is.EqualTo(new[] { (424242, "user_not_found") }));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("    ")]
    public async Task Create_WithoutAName_IsRefused(string? name)
    {
        var me = await UserAsync("Me");

        var response = await me.CreateGroupAsync(name);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_group_name");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM conversations"), Is.Zero);
    }

    [Test]
    public async Task Create_NameOf255Characters_IsAccepted_256IsRefused()
    {
        var me = await UserAsync("Me");

        var longest = await me.CreateGroupAsync(new string('ሀ', 255));
        var tooLong = await me.CreateGroupAsync(new string('n', 256));

        await longest.JsonAsync(HttpStatusCode.Created);
        await tooLong.ProblemAsync(HttpStatusCode.BadRequest, "invalid_group_name");
    }

    [Test]
    public async Task Create_WithATooLongDescription_IsRefused()
    {
        var me = await UserAsync("Me");

        var response = await me.CreateGroupAsync(new JsonObject { ["type"] = "group", ["name"] = "G", ["description"] = new string('d', 1001) });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "group_description_too_long");
    }

    [Test]
    public async Task Create_WithAnAvatarMediaId_IsRefusedUntilMediaExists()
    {
        var me = await UserAsync("Me");

        var response = await me.CreateGroupAsync(new JsonObject { ["type"] = "group", ["name"] = "G", ["avatar_media_id"] = 5 });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_not_supported_yet");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM conversations"), Is.Zero);
    }

    [TestCase(0)]
    [TestCase(-4)]
    public async Task Create_WithAnImpossibleUserId_IsRefused(int userId)
    {
        var me = await UserAsync("Me");

        var response = await me.CreateGroupAsync("G", userId);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_user_id");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "participant_user_ids[0]" }), problem.ToJsonString());
    }

    [TestCase("{\"type\": \"group\", \"name\": \"G\", \"participant_user_ids\": \"7\"}")]
    [TestCase("{\"type\": \"group\", \"name\": 12}")]
    [TestCase("{\"type\": \"group\", \"name\": \"G\", \"participant_user_ids\": [1.5]}")]
    public async Task Create_WithAMalformedBody_IsMalformedRequest(string json)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.PostAsync(
            new Uri("/api/chat/conversations", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }
}
