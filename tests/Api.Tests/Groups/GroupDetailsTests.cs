using System.Net;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Groups;

public sealed class GroupDetailsTests : ApiTest
{
    [Test]
    public async Task Get_ShowsTheSummaryFields_TheDescription_AndTheMembers()
    {
        var admin = await UserAsync("Tigist", "Alemu");
        var member = await UserAsync("Abebe", "Kebede");
        var body = await (await admin.CreateGroupAsync(new JsonObject
        {
            ["type"] = "group",
            ["name"] = "Grade 9 Maths",
            ["description"] = "Algebra every Saturday",
            ["participant_user_ids"] = new JsonArray(member.Id),
        })).JsonAsync(HttpStatusCode.Created);
        var id = body["conversation"]!["id"]!.GetValue<int>();
        await admin.SendOkAsync(id, "Welcome!");

        var conversation = await member.GetConversationOkAsync(id);

        var participants = conversation["participants"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation["id"]!.GetValue<int>(), Is.EqualTo(id));
            Assert.That(conversation["type"]!.GetValue<string>(), Is.EqualTo("group"));
            Assert.That(conversation["name"]!.GetValue<string>(), Is.EqualTo("Grade 9 Maths"));
            Assert.That(conversation["description"]!.GetValue<string>(), Is.EqualTo("Algebra every Saturday"));
            Assert.That(conversation["participant_count"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(conversation["unread_count"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(conversation["last_message"]!["preview"]!.GetValue<string>(), Is.EqualTo("Welcome!"));
            Assert.That(conversation["is_muted"]!.GetValue<bool>(), Is.False);
            Assert.That(conversation["updated_at"], Is.Not.Null);
            Assert.That(conversation["pinned_messages"]!.AsArray(), Is.Empty);
            Assert.That(participants.Select(p => p!["user_id"]!.GetValue<int>()), Is.EqualTo(new[] { admin.Id, member.Id }), "admins first");
            Assert.That(participants[0]!["name"]!.GetValue<string>(), Is.EqualTo("Tigist Alemu"));
            Assert.That(participants[0]!["role"]!.GetValue<string>(), Is.EqualTo("admin"));
            Assert.That(participants[1]!["name"]!.GetValue<string>(), Is.EqualTo("Abebe Kebede"));
            Assert.That(participants[1]!["role"]!.GetValue<string>(), Is.EqualTo("member"));
            Assert.That(participants[1]!["joined_at"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(participants[1]!.AsObject().Select(p => p.Key),
                Is.EquivalentTo(new[] { "user_id", "name", "avatar_url", "role", "joined_at" }));
        }
    }

    [Test]
    public async Task Get_ADirectChat_ListsBothPeople()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var id = await me.OpenDirectIdAsync(other.Id);

        var conversation = await me.GetConversationOkAsync(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation["type"]!.GetValue<string>(), Is.EqualTo("direct"));
            Assert.That(conversation["other_user_id"]!.GetValue<int>(), Is.EqualTo(other.Id));
            Assert.That(conversation["participants"]!.AsArray().Select(p => p!["user_id"]!.GetValue<int>()),
                Is.EquivalentTo(new[] { me.Id, other.Id }));
        }
    }

    [Test]
    public async Task Get_ListsPinnedMessages_OnlyThoseTheCallerMaySee()
    {
        var admin = await UserAsync("Admin");
        var late = await UserAsync("Late");
        var id = await admin.CreateGroupIdAsync("G");
        var old = await admin.SendOkAsync(id, "pinned before Late joined");
        await admin.AddParticipantsOkAsync(id, late.Id);
        var recent = await admin.SendOkAsync(id, "pinned after");
        await admin.SendOkAsync(id, "not pinned");
        foreach (var message in new[] { old, recent })
        {
            await Db.ExecuteAsync(
                "UPDATE chat_messages SET is_pinned = true, pinned_at = now(), pinned_by_user_id = $2 WHERE id = $1",
                message["id"]!.GetValue<int>(), admin.Id);
        }

        var seenByAdmin = (await admin.GetConversationOkAsync(id))["pinned_messages"]!.AsArray();
        var seenByLate = (await late.GetConversationOkAsync(id))["pinned_messages"]!.AsArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seenByAdmin.Select(m => m!["content"]!.GetValue<string>()),
                Is.EquivalentTo(new[] { "pinned before Late joined", "pinned after" }));
            Assert.That(seenByLate.Select(m => m!["content"]!.GetValue<string>()), Is.EqualTo(new[] { "pinned after" }));
            Assert.That(seenByLate[0]!["is_pinned"]!.GetValue<bool>(), Is.True);
            Assert.That(seenByLate[0]!["is_mine"]!.GetValue<bool>(), Is.False);
            Assert.That(seenByLate[0]!["sender_user_id"]!.GetValue<int>(), Is.EqualTo(admin.Id));
        }
    }

    [Test]
    public async Task Update_ByTheAdmin_RenamesAndDescribes_AndEveryMemberSeesIt()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("Old name", member.Id);

        var response = await admin.UpdateGroupAsync(id, new JsonObject { ["name"] = " New name ", ["description"] = "Now with notes" });

        var updated = (await response.JsonAsync(HttpStatusCode.OK))["conversation"]!;
        var seenByMember = await member.GetConversationOkAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(updated["id"]!.GetValue<int>(), Is.EqualTo(id));
            Assert.That(updated["name"]!.GetValue<string>(), Is.EqualTo("New name"));
            Assert.That(seenByMember["name"]!.GetValue<string>(), Is.EqualTo("New name"));
            Assert.That(seenByMember["description"]!.GetValue<string>(), Is.EqualTo("Now with notes"));
        }
    }

    [Test]
    public async Task Update_LeavesOutFieldsUnchanged_AndAnEmptyDescriptionRemovesIt()
    {
        var admin = await UserAsync("Admin");
        var body = await (await admin.CreateGroupAsync(new JsonObject { ["type"] = "group", ["name"] = "Keep", ["description"] = "Drop" }))
            .JsonAsync(HttpStatusCode.Created);
        var id = body["conversation"]!["id"]!.GetValue<int>();

        await (await admin.UpdateGroupAsync(id, new JsonObject { ["description"] = "" })).JsonAsync(HttpStatusCode.OK);

        var conversation = await admin.GetConversationOkAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation["name"]!.GetValue<string>(), Is.EqualTo("Keep"));
            Assert.That(conversation["description"], Is.Null);
        }
    }

    [Test]
    public async Task Update_ByAMemberWhoIsNotAdmin_IsForbidden_AndChangesNothing()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("Original", member.Id);

        var response = await member.UpdateGroupAsync(id, new JsonObject { ["name"] = "Hijacked" });

        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_group_admin");
        Assert.That((await admin.GetConversationOkAsync(id))["name"]!.GetValue<string>(), Is.EqualTo("Original"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task Update_ToABlankName_IsRefused(string name)
    {
        var admin = await UserAsync("Admin");
        var id = await admin.CreateGroupIdAsync("Original");

        var response = await admin.UpdateGroupAsync(id, new JsonObject { ["name"] = name });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_group_name");
    }

    [Test]
    public async Task Update_WithATooLongNameOrDescription_IsRefused_AndChangesNothing()
    {
        var admin = await UserAsync("Admin");
        var id = await admin.CreateGroupIdAsync("Original");

        var longName = await admin.UpdateGroupAsync(id, new JsonObject { ["name"] = new string('n', 256) });
        var longDescription = await admin.UpdateGroupAsync(id, new JsonObject { ["name"] = "Renamed", ["description"] = new string('d', 1001) });

        await longName.ProblemAsync(HttpStatusCode.BadRequest, "invalid_group_name");
        await longDescription.ProblemAsync(HttpStatusCode.BadRequest, "group_description_too_long");
        Assert.That((await admin.GetConversationOkAsync(id))["name"]!.GetValue<string>(), Is.EqualTo("Original"), "a refused update changes nothing");
    }

    [Test]
    public async Task Update_WithAnAvatarMediaId_IsRefusedUntilMediaExists()
    {
        var admin = await UserAsync("Admin");
        var id = await admin.CreateGroupIdAsync("G");

        var response = await admin.UpdateGroupAsync(id, new JsonObject { ["avatar_media_id"] = 3 });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_not_supported_yet");
    }

    [TestCase("not json")]
    [TestCase("{\"name\": [1]}")]
    [TestCase("")]
    public async Task Update_WithAMalformedBody_IsMalformedRequest(string json)
    {
        var admin = await UserAsync("Admin");
        var id = await admin.CreateGroupIdAsync("G");

        var response = await admin.Http.PutAsync(
            new Uri($"/api/chat/conversations/{id}", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }
}
