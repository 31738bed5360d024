using System.Net;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Contacts;

/// <summary>My contacts are my accepted connections, each once, with our direct chat when there is one.</summary>
public sealed class ContactTests : ApiTest
{
    [Test]
    public async Task Contacts_AreMyAcceptedConnectionsInEitherDirection_NewestFirst_WithNameAvatarAndDirectChat()
    {
        var me = await UserAsync("Me");
        var asked = await UserAsync("Abebe", "Tadesse");
        var askedMe = await UserAsync("Almaz", "Kebede");
        await Db.ExecuteAsync("UPDATE users SET profile_picture = '/media/almaz.png' WHERE id = $1", askedMe.Id);
        await Db.ConnectAsync(me.Id, asked.Id);
        await Db.ConnectAsync(askedMe.Id, me.Id);
        var chat = await me.OpenDirectIdAsync(askedMe.Id);

        var contacts = await ContactsAsync(me);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(contacts.Ids("user_id"), Is.EqualTo(new[] { askedMe.Id, asked.Id }));
            Assert.That(contacts[0]!["name"]!.GetValue<string>(), Is.EqualTo("Almaz Kebede"));
            Assert.That(contacts[0]!["avatar_url"]!.GetValue<string>(), Is.EqualTo("/media/almaz.png"));
            Assert.That(contacts[0]!["conversation_id"]!.GetValue<int>(), Is.EqualTo(chat));
            Assert.That(contacts[1]!["name"]!.GetValue<string>(), Is.EqualTo("Abebe Tadesse"));
            Assert.That(contacts[1]!["avatar_url"], Is.Null);
            Assert.That(contacts[1]!["conversation_id"], Is.Null, "no direct chat yet");
        }
    }

    [Test]
    public async Task Contacts_LeaveOutPendingAndRejectedConnections_OtherPeoplesConnections_AndDeactivatedUsers()
    {
        var me = await UserAsync("Me");
        var pending = await UserAsync("Pending");
        var rejected = await UserAsync("Rejected");
        var deactivated = await UserAsync("Deactivated");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        await Db.ConnectAsync(me.Id, pending.Id, "pending");
        await Db.ConnectAsync(rejected.Id, me.Id, "rejected");
        await Db.ConnectAsync(me.Id, deactivated.Id);
        await Db.ExecuteAsync("UPDATE users SET is_active = false WHERE id = $1", deactivated.Id);
        await Db.ConnectAsync(a.Id, b.Id);

        Assert.That((await ContactsAsync(me)).Ids("user_id"), Is.Empty);
    }

    [Test]
    public async Task Contacts_ListSomeoneOnce_WhenSeveralRolesConnectUs()
    {
        var me = await UserAsync("Me");
        var tutor = await UserAsync("Tutor");
        await Db.ConnectAsync(me.Id, tutor.Id);
        await Db.ConnectAsync(tutor.Id, me.Id);
        await Db.ConnectAsync(me.Id, tutor.Id);

        Assert.That((await ContactsAsync(me)).Ids("user_id"), Is.EqualTo(new[] { tutor.Id }));
    }

    [Test]
    public async Task Contacts_ShowOnlyOurOwnDirectChat_NotTheirsWithOthersOrMyNotes()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        await Db.ConnectAsync(me.Id, other.Id);
        await me.OpenDirectIdAsync(me.Id);
        var stranger = await UserAsync("Stranger");
        await other.OpenDirectIdAsync(stranger.Id);

        Assert.That((await ContactsAsync(me))[0]!["conversation_id"], Is.Null);
    }

    [TestCase("kebe")]
    [TestCase("ALMAZ K")]
    public async Task Contacts_AreSearchableByName(string q)
    {
        var me = await UserAsync("Me");
        var almaz = await UserAsync("Almaz", "Kebede");
        var abebe = await UserAsync("Abebe", "Tadesse");
        await Db.ConnectAsync(me.Id, almaz.Id);
        await Db.ConnectAsync(me.Id, abebe.Id);

        Assert.That((await ContactsAsync(me, $"q={Uri.EscapeDataString(q)}")).Ids("user_id"), Is.EqualTo(new[] { almaz.Id }));
    }

    [Test]
    public async Task Contacts_PageWithCursor_WithoutRepeatsOrGaps()
    {
        var me = await UserAsync("Me");
        var expected = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var other = await UserAsync($"Contact{i}");
            await Db.ConnectAsync(i % 2 == 0 ? me.Id : other.Id, i % 2 == 0 ? other.Id : me.Id);
            expected.Insert(0, other.Id);
        }

        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await me.GetJsonAsync($"/api/chat/contacts?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            seen.AddRange(page["contacts"].Ids("user_id"));
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.EqualTo(expected));
            Assert.That(pages, Is.EqualTo(3));
        }
    }

    [TestCase("/api/chat/contacts?q=", "invalid_search_query")]
    [TestCase("/api/chat/contacts?q=%20%20", "invalid_search_query")]
    [TestCase("/api/chat/contacts?limit=0", "invalid_limit")]
    [TestCase("/api/chat/contacts?limit=101", "invalid_limit")]
    [TestCase("/api/chat/contacts?cursor=zzz!", "invalid_cursor")]
    public async Task BadQuery_IsValidationProblemWithCode(string path, string code)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri(path, UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Test]
    public async Task Contacts_OfAnotherUser_CannotBeAsked()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");

        var response = await me.Http.GetAsync(new Uri($"/api/chat/contacts?user_id={other.Id}", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "user_id_mismatch");
    }

    private static async Task<JsonArray> ContactsAsync(TestUser user, string query = "") =>
        (await user.GetJsonAsync($"/api/chat/contacts?{query}"))["contacts"]!.AsArray();
}
