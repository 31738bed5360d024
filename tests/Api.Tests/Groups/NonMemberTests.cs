using System.Net;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Groups;

/// <summary>Someone outside a group, or who left it, learns nothing about it from any group route.</summary>
public sealed class NonMemberTests : ApiTest
{
    private static readonly Func<TestUser, int, int, Task<HttpResponseMessage>>[] GroupRoutes =
    [
        (caller, id, _) => caller.GetConversationAsync(id),
        (caller, id, _) => caller.UpdateGroupAsync(id, new JsonObject { ["name"] = "Mine" }),
        (caller, id, _) => caller.AddParticipantsAsync(id, caller.Id),
        (caller, id, member) => caller.RemoveParticipantAsync(id, member),
        (caller, id, _) => caller.LeaveAsync(id),
        (caller, id, member) => caller.ChangeRoleAsync(id, member, "admin"),
        (caller, id, _) => caller.ChangeRoleAsync(id, caller.Id, "admin"),
    ];

    private static IEnumerable<int> RouteIndexes() => Enumerable.Range(0, GroupRoutes.Length);

    [TestCaseSource(nameof(RouteIndexes))]
    public async Task AnOutsider_GetsNotFound_AndChangesNothing(int route)
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var outsider = await UserAsync("Outsider");
        var id = await admin.CreateGroupIdAsync("Private group", member.Id);

        var response = await GroupRoutes[route](outsider, id, member.Id);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.That(problem.ToJsonString(), Does.Not.Contain("Private group"));
        await AssertUnchangedAsync(admin, id, admin.Id, member.Id);
    }

    [TestCaseSource(nameof(RouteIndexes))]
    public async Task AFormerMember_GetsNotFound_AndChangesNothing(int route)
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var leaver = await UserAsync("Leaver");
        var id = await admin.CreateGroupIdAsync("Private group", member.Id, leaver.Id);
        await (await admin.ChangeRoleAsync(id, leaver.Id, "admin")).NoContentAsync();
        await (await admin.RemoveParticipantAsync(id, leaver.Id)).NoContentAsync();

        var response = await GroupRoutes[route](leaver, id, member.Id);

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await AssertUnchangedAsync(admin, id, admin.Id, member.Id);
    }

    [TestCaseSource(nameof(RouteIndexes))]
    public async Task AConversationThatDoesNotExist_IsNotFound_TheSameWay(int route)
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");

        var response = await GroupRoutes[route](me, 424242, other.Id);

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task SomeoneElsesDirectChat_IsNotFound_NotNotAGroup()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var outsider = await UserAsync("Outsider");
        var id = await a.OpenDirectIdAsync(b.Id);

        await (await outsider.AddParticipantsAsync(id, outsider.Id)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await outsider.GetConversationAsync(id)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [TestCase("/api/chat/conversations/0")]
    [TestCase("/api/chat/conversations/-3")]
    public async Task AnImpossibleConversationId_IsAValidationProblem(string path)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri(path, UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_conversation_id");
    }

    [Test]
    public async Task AnImpossibleUserIdInTheRoute_IsAValidationProblem()
    {
        var admin = await UserAsync("Admin");
        var id = await admin.CreateGroupIdAsync("G");

        await (await admin.RemoveParticipantAsync(id, 0)).ProblemAsync(HttpStatusCode.BadRequest, "invalid_user_id");
        await (await admin.ChangeRoleAsync(id, -1, "admin")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_user_id");
    }

    private static async Task AssertUnchangedAsync(TestUser admin, int id, params int[] members)
    {
        var conversation = await admin.GetConversationOkAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation["name"]!.GetValue<string>(), Is.EqualTo("Private group"));
            Assert.That(conversation["participants"]!.AsArray().Select(p => p!["user_id"]!.GetValue<int>()), Is.EquivalentTo(members));
            Assert.That(conversation["participants"]!.AsArray().Count(p => p!["role"]!.GetValue<string>() == "admin"), Is.EqualTo(1));
        }
    }
}
