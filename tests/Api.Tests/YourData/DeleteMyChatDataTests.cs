using System.Net;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;

namespace Astegni.Chat.Api.Tests.YourData;

/// <summary>
/// DELETE /api/chat/data?confirm=true: my messages become tombstones, my memberships, reactions,
/// settings, last seen and the blocks I made go; what others wrote and decided stays as it was.
/// </summary>
public sealed class DeleteMyChatDataTests : ApiTest
{
    [TestCase(null)]
    [TestCase("false")]
    public async Task Delete_WithoutConfirmation_IsRefused_AndErasesNothing(string? confirm)
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        await me.SendOkAsync(direct, "still here");

        var response = await me.DeleteMyDataAsync(confirm);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "confirmation_required");
        Assert.That((await other.HistoryAsync(direct))[0]!["content"]!.GetValue<string>(), Is.EqualTo("still here"));
    }

    [Test]
    public async Task Delete_WithAConfirmationThatIsNotABoolean_IsMalformed()
    {
        var me = await UserAsync("Me");

        await (await me.DeleteMyDataAsync("yes")).ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Test]
    public async Task Delete_ForSomeoneElse_IsRefused_AndErasesNothing()
    {
        var me = await UserAsync("Me");
        var victim = await UserAsync("Victim");
        var direct = await victim.OpenDirectIdAsync(me.Id);
        await victim.SendOkAsync(direct, "my words");

        var response = await me.Http.DeleteAsync(new Uri($"/api/chat/data?confirm=true&user_id={victim.Id}", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "user_id_mismatch");
        Assert.That((await victim.HistoryAsync(direct))[0]!["content"]!.GetValue<string>(), Is.EqualTo("my words"));
    }

    [Test]
    public async Task Delete_TurnsMyMessagesIntoTombstones_WhileTheOtherPersonKeepsTheirsAndTheConversation()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        var theirs = await other.SendOkAsync(direct, "their question");
        var mine = await me.SendOkAsync(direct, "my secret plans");
        await Db.InsertReactionAsync(theirs["id"]!.GetValue<int>(), me.Id, "❤️");
        await Db.InsertReactionAsync(theirs["id"]!.GetValue<int>(), other.Id, "👍");
        await Db.ExecuteAsync("UPDATE chat_messages SET is_edited = true, original_content = 'my first draft' WHERE id = $1", mine["id"]!.GetValue<int>());
        var before = await other.HistoryAsync(direct);

        var response = await me.DeleteMyDataAsync();

        var after = await other.HistoryAsync(direct);
        var theirList = (await other.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray();
        var myList = (await me.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray();
        var erasedText = await Db.ScalarAsync<long>(
            "SELECT count(*) FROM chat_messages WHERE sender_user_id = $1 AND (content IS NOT NULL OR original_content IS NOT NULL)", me.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(before.Select(m => m!["content"]?.GetValue<string>()), Is.EqualTo(new[] { "my secret plans", "their question" }));
            Assert.That(after.Select(m => m!["id"]!.GetValue<int>()), Is.EqualTo(before.Select(m => m!["id"]!.GetValue<int>())), "the history keeps its shape");
            Assert.That(after[1]!["content"]!.GetValue<string>(), Is.EqualTo("their question"));
            Assert.That(after[1]!["is_deleted"]!.GetValue<bool>(), Is.False);
            Assert.That(after[1]!["reactions"]!.AsArray().Select(r => r!["reaction"]!.GetValue<string>()), Is.EqualTo(new[] { "👍" }), "my reaction is gone, theirs stays");
            Assert.That(after[0]!["content"], Is.Null);
            Assert.That(after[0]!["is_deleted"]!.GetValue<bool>(), Is.True);
            Assert.That(after[0]!["sender_user_id"]!.GetValue<int>(), Is.EqualTo(me.Id));
            Assert.That(erasedText, Is.Zero, "no text of mine is left, not even the text before an edit");
            Assert.That(theirList.Select(c => c!["id"]!.GetValue<int>()), Is.EqualTo(new[] { direct }), "the other person keeps the conversation");
            Assert.That(theirList[0]!["last_message"]!["preview"], Is.Null, "my last message is a tombstone there too");
            Assert.That(myList, Is.Empty, "my memberships are gone");
        }

        await (await me.Http.GetAsync(new Uri($"/api/chat/messages/{direct}", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task Delete_RemovesMySettingsLastSeenAndTheBlocksIMade_ButTheBlockOnMeStillStopsMe()
    {
        var me = await UserAsync("Me");
        var iBlocked = await UserAsync("IBlocked");
        var blockedMe = await UserAsync("BlockedMe");
        await me.PutSettingsAsync(new JsonObject { ["who_can_message"] = "none", ["online_status"] = false });
        await me.BlockAsync(iBlocked.Id);
        await blockedMe.BlockAsync(me.Id, "rude");
        await Db.ExecuteAsync("INSERT INTO chat_user_presence (user_id, last_seen_at) VALUES ($1, now())", me.Id);

        await me.DeleteMyDataAsync();

        var settings = (await me.GetJsonAsync("/api/chat/settings"))["settings"]!;
        var myBlocks = (await me.GetJsonAsync("/api/chat/blocked"))["blocked"]!.AsArray();
        var theirBlocks = (await blockedMe.GetJsonAsync("/api/chat/blocked"))["blocked"]!.AsArray();
        var stored = await Db.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM chat_settings WHERE user_id = $1) + (SELECT count(*) FROM chat_user_presence WHERE user_id = $1)", me.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings["who_can_message"]!.GetValue<string>(), Is.EqualTo("everyone"), "back to the defaults");
            Assert.That(settings["online_status"]!.GetValue<bool>(), Is.True);
            Assert.That(stored, Is.Zero);
            Assert.That(myBlocks, Is.Empty);
            Assert.That(theirBlocks.Select(b => b!["user_id"]!.GetValue<int>()), Is.EqualTo(new[] { me.Id }));
            Assert.That(theirBlocks[0]!["reason"]!.GetValue<string>(), Is.EqualTo("rude"));
        }

        await (await me.OpenDirectAsync(blockedMe.Id)).ProblemAsync(HttpStatusCode.Forbidden, "recipient_unavailable");
        Assert.That((await iBlocked.OpenDirectAsync(me.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "my block is gone");
    }

    [Test]
    public async Task Delete_AsTheLastAdmin_HandsTheGroupToTheLongestStandingMember()
    {
        var me = await UserAsync("Me");
        var veteran = await UserAsync("Veteran");
        var newcomer = await UserAsync("Newcomer");
        var group = await Db.InsertGroupAsync("Tutors", me.Id, veteran.Id, newcomer.Id);
        await me.SendOkAsync(group, "welcome everyone");
        await newcomer.SendOkAsync(group, "thanks!");

        await me.DeleteMyDataAsync();

        var roles = await RolesAsync(group);
        var history = await veteran.HistoryAsync(group);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(roles, Is.EqualTo(new[] { (me.Id, "member", false), (veteran.Id, "admin", true), (newcomer.Id, "member", true) }));
            Assert.That(history.Select(m => m!["content"]?.GetValue<string>()), Is.EqualTo(new[] { "thanks!", null }));
            Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM conversation_participants WHERE user_id = $1 AND left_at IS NULL", me.Id), Is.Zero);
        }
    }

    [Test]
    public async Task Delete_InAGroupWithAnotherAdmin_PromotesNobody()
    {
        var me = await UserAsync("Me");
        var veteran = await UserAsync("Veteran");
        var coAdmin = await UserAsync("CoAdmin");
        var group = await Db.InsertGroupAsync("Parents", me.Id, veteran.Id, coAdmin.Id);
        await Db.ExecuteAsync("UPDATE conversation_participants SET role = 'admin' WHERE user_id = $1", coAdmin.Id);

        await me.DeleteMyDataAsync();

        Assert.That(await RolesAsync(group), Is.EqualTo(new[] { (me.Id, "member", false), (veteran.Id, "member", true), (coAdmin.Id, "admin", true) }));
    }

    [Test]
    public async Task Delete_RemovesMyNotesEntirely()
    {
        var me = await UserAsync("Me");
        var notes = await me.OpenDirectIdAsync(me.Id);
        await me.SendOkAsync(notes, "pick up the textbook");

        await me.DeleteMyDataAsync();

        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE id = $1", notes), Is.Zero);
        Assert.That(await me.OpenDirectIdAsync(me.Id), Is.Not.EqualTo(notes), "a fresh notes conversation when I open them again");
    }

    [Test]
    public async Task Delete_ThenOpeningTheDirectChatAgain_StartsAFreshViewOfIt()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(direct, "from before");
        await me.DeleteMyDataAsync();

        var reopened = await me.OpenDirectIdAsync(other.Id);

        Assert.That(reopened, Is.EqualTo(direct), "still the one conversation of the pair");
        Assert.That(await me.HistoryAsync(direct), Is.Empty, "what came before the deletion stays out of my view");
    }

    [Test]
    public async Task Delete_ThenANewMessageFromTheOtherPerson_ReachesMe_WithoutTheOldHistory()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(direct, "from before");
        await me.DeleteMyDataAsync();

        await other.SendOkAsync(direct, "are you there?");

        var history = await me.HistoryAsync(direct);
        Assert.That(history.Select(m => m!["content"]!.GetValue<string>()), Is.EqualTo(new[] { "are you there?" }));
    }

    [Test]
    public async Task Delete_LeavesEveryoneElsesRowsExactlyAsTheyWere()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var theirs = await a.OpenDirectIdAsync(b.Id);
        await a.SendOkAsync(theirs, "between us");
        var shared = await me.OpenDirectIdAsync(a.Id);
        await a.SendOkAsync(shared, "hello Me");
        await a.PutSettingsAsync(new JsonObject { ["read_receipts"] = false });
        await Db.InsertReactionAsync((await b.SendOkAsync(theirs, "ok"))["id"]!.GetValue<int>(), a.Id, "🙂");
        await a.BlockAsync(b.Id);
        var before = await OthersRowsAsync(me.Id);

        await me.DeleteMyDataAsync();

        Assert.That(await OthersRowsAsync(me.Id), Is.EqualTo(before));
    }

    private static async Task<(int UserId, string Role, bool Active)[]> RolesAsync(int conversationId)
    {
        var text = await Db.ScalarAsync<string>(
            """
            SELECT string_agg(user_id || ':' || role || ':' || is_active, ',' ORDER BY joined_at, id)
            FROM conversation_participants WHERE conversation_id = $1
            """,
            conversationId);
        return text.Split(',').Select(p => p.Split(':')).Select(p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1], p[2] == "true")).ToArray();
    }

    /// <summary>Everything not written by or about <paramref name="me"/>, as text to compare.</summary>
    private static Task<string> OthersRowsAsync(int me) =>
        Db.ScalarAsync<string>(
            """
            SELECT concat_ws(' | ',
                (SELECT string_agg(row_to_json(m)::text, ',' ORDER BY id) FROM chat_messages m WHERE sender_user_id <> $1),
                (SELECT string_agg(row_to_json(r)::text, ',' ORDER BY id) FROM message_reactions r WHERE user_id <> $1),
                (SELECT string_agg(row_to_json(p)::text, ',' ORDER BY id) FROM conversation_participants p WHERE user_id <> $1),
                (SELECT string_agg(row_to_json(c)::text, ',' ORDER BY id) FROM conversations c),
                (SELECT string_agg(row_to_json(s)::text, ',' ORDER BY id) FROM chat_settings s WHERE user_id <> $1),
                (SELECT string_agg(row_to_json(k)::text, ',' ORDER BY id) FROM blocked_chat_contacts k WHERE blocker_user_id <> $1))
            """,
            me);
}
