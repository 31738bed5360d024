using System.Net;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Search;

/// <summary>Searching my conversation list by group name or by the names of the people in them.</summary>
public sealed class ConversationSearchTests : ApiTest
{
    [TestCase("abebe")]
    [TestCase("ABEBE TAD")]
    [TestCase("bebe")]
    [TestCase("  tadesse ")]
    public async Task Search_FindsADirectChat_ByAnyPartOfTheOtherPersonsName_InAnyCase(string q)
    {
        var me = await UserAsync("Me");
        var abebe = await UserAsync("Abebe", "Tadesse");
        var almaz = await UserAsync("Almaz", "Kebede");
        var withAbebe = await me.OpenDirectIdAsync(abebe.Id);
        await me.OpenDirectIdAsync(almaz.Id);

        var found = await SearchAsync(me, q);

        Assert.That(found.Ids(), Is.EqualTo(new[] { withAbebe }));
    }

    [Test]
    public async Task Search_ByFatherName_WhenThatIsTheNameShown()
    {
        var me = await UserAsync("Me");
        var hana = await UserAsync("Hana");
        await Db.ExecuteAsync("UPDATE users SET father_name = 'Girma' WHERE id = $1", hana.Id);
        var withHana = await me.OpenDirectIdAsync(hana.Id);

        Assert.That((await SearchAsync(me, "hana gir")).Ids(), Is.EqualTo(new[] { withHana }));
    }

    [Test]
    public async Task Search_ByTheEmailName_WhenThatIsTheNameShown()
    {
        var me = await UserAsync("Me");
        var id = await Db.AddUserAsync("", email: "selamawit@astegni.et");
        var withHer = await me.OpenDirectIdAsync(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await SearchAsync(me, "selamawit")).Ids(), Is.EqualTo(new[] { withHer }));
            Assert.That((await SearchAsync(me, "astegni")).Ids(), Is.Empty, "the rest of the address is not shown, so not searched");
        }
    }

    [Test]
    public async Task Search_FindsAGroup_ByPartOfItsName()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var physics = await Db.GroupAsync("Grade 12 Physics", me.Id, other.Id);
        await Db.GroupAsync("Chemistry club", me.Id, other.Id);

        Assert.That((await SearchAsync(me, "physics")).Ids(), Is.EqualTo(new[] { physics }));
    }

    [Test]
    public async Task Search_FindsAGroup_ByTheNameOfAMember()
    {
        var me = await UserAsync("Me");
        var dawit = await UserAsync("Dawit", "Girma");
        var other = await UserAsync("Other");
        var withDawit = await Db.GroupAsync("Study group", me.Id, dawit.Id);
        await Db.GroupAsync("Another group", me.Id, other.Id);

        Assert.That((await SearchAsync(me, "dawit")).Ids(), Is.EqualTo(new[] { withDawit }));
    }

    [Test]
    public async Task Search_ByMyOwnName_DoesNotMatchEveryConversation()
    {
        var me = await UserAsync("Meseret", "Alemu");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        await me.OpenDirectIdAsync(a.Id);
        await me.OpenDirectIdAsync(b.Id);

        Assert.That((await SearchAsync(me, "meseret")).Ids(), Is.Empty);
    }

    [Test]
    public async Task Search_ByTheNameOfAFormerMember_DoesNotFindTheGroup()
    {
        var me = await UserAsync("Me");
        var gone = await UserAsync("Kidist", "Haile");
        var groupId = await Db.GroupAsync("Literature", me.Id, gone.Id);
        await Db.ExecuteAsync("UPDATE conversation_participants SET is_active = false WHERE conversation_id = $1 AND user_id = $2", groupId, gone.Id);

        Assert.That((await SearchAsync(me, "kidist")).Ids(), Is.Empty);
    }

    [Test]
    public async Task Search_FindsOnlyMyConversations()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("Abebe");
        var b = await UserAsync("Bekele");
        await a.OpenDirectIdAsync(b.Id);
        await Db.GroupAsync("Abebe's private group", a.Id, b.Id);

        Assert.That((await SearchAsync(me, "abebe")).Ids(), Is.Empty);
    }

    [Test]
    public async Task Search_WildcardCharacters_AreLiteral()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var percent = await Db.GroupAsync("100% pass rate", me.Id, other.Id);
        await Db.GroupAsync("1000 questions", me.Id, other.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await SearchAsync(me, "100%")).Ids(), Is.EqualTo(new[] { percent }));
            Assert.That((await SearchAsync(me, "_")).Ids(), Is.Empty);
        }
    }

    [Test]
    public async Task Search_KeepsTheArchivedAndDeletedRules()
    {
        var me = await UserAsync("Me");
        var abebe = await UserAsync("Abebe");
        var abel = await UserAsync("Abel");
        var withAbebe = await me.OpenDirectIdAsync(abebe.Id);
        var withAbel = await me.OpenDirectIdAsync(abel.Id);
        await me.ArchiveAsync(withAbebe, archived: true).NoContentAsync();
        await me.DeleteConversationAsync(withAbel).NoContentAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await SearchAsync(me, "abe")).Ids(), Is.Empty);
            Assert.That((await SearchAsync(me, "abe", "archived=true")).Ids(), Is.EqualTo(new[] { withAbebe }));
        }
    }

    [TestCase("/api/chat/conversations?q=", "invalid_search_query")]
    [TestCase("/api/chat/conversations?q=%20", "invalid_search_query")]
    [TestCase("/api/chat/conversations?q=%00", "invalid_characters")]
    public async Task BadSearchText_IsValidationProblemWithCode(string path, string code)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri(path, UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Test]
    public async Task SearchTextLongerThan200Characters_IsRefused()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri($"/api/chat/conversations?q={new string('x', 201)}", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_search_query");
    }

    private static async Task<JsonArray> SearchAsync(TestUser user, string q, string? more = null) =>
        await user.ConversationsAsync($"q={Uri.EscapeDataString(q)}{(more is null ? "" : "&" + more)}");
}
