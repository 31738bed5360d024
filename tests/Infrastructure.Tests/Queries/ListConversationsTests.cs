using Astegni.Chat.Application.Conversations.ListConversations;
using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Infrastructure.Tests.Queries;

public sealed class ListConversationsTests : DatabaseTest
{
    [Test]
    public async Task List_ShowsNewestActivityFirst_WithOtherPersonsName_LastMessage_AndUnreadCount()
    {
        var me = await Db.AddUserAsync("Abebe", "Tadesse");
        var almaz = await Db.AddUserAsync("Almaz", email: "almaz@astegni.et");
        var dawit = await Db.AddUserAsync("Dawit", "Girma");
        await using (var db = Db.NewContext())
        {
            var scenario = new Scenario(db);
            var withAlmaz = await scenario.DirectAsync(me, almaz);
            var withDawit = await scenario.DirectAsync(dawit, me);
            await scenario.PostAsync(withDawit, dawit, "Selam, are you free on Saturday?");
            await scenario.PostAsync(withAlmaz, almaz, "First");
            await scenario.PostAsync(withAlmaz, almaz, "Second");
            await scenario.PostAsync(withAlmaz, me, "Reply");
        }

        var page = await ListAsync(me, new ListConversations());

        var list = page.Conversations;
        Assert.That(list, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(list[0].OtherUserId, Is.EqualTo(almaz), "most recent activity first");
            Assert.That(list[0].Name, Is.EqualTo("almaz"), "no last or father name: the email's local part");
            Assert.That(list[0].LastMessage!.Preview, Is.EqualTo("Reply"));
            Assert.That(list[0].LastMessage!.SenderName, Is.EqualTo("Abebe Tadesse"));
            Assert.That(list[0].UnreadCount, Is.Zero, "my reply reads what came before it");
            Assert.That(list[0].Type, Is.EqualTo("direct"));
            Assert.That(list[0].ParticipantCount, Is.EqualTo(2));
            Assert.That(list[1].Name, Is.EqualTo("Dawit Girma"));
            Assert.That(list[1].UnreadCount, Is.EqualTo(1));
            Assert.That(page.NextCursor, Is.Null);
        }
    }

    [Test]
    public async Task List_PagesWithCursor_WithoutRepeatsOrGaps_InOneRoundTripPerPage()
    {
        var me = await Db.AddUserAsync("Me");
        var expected = new List<int>();
        await using (var db = Db.NewContext())
        {
            var scenario = new Scenario(db);
            for (var i = 0; i < 7; i++)
            {
                var other = await Db.AddUserAsync($"Other{i}");
                var conversation = await scenario.DirectAsync(me, other);
                expected.Insert(0, conversation.Id.Value);
            }
        }

        var counter = new CommandCounter();
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            counter.Reset();
            var page = await ListAsync(me, new ListConversations(Limit: 3, Cursor: cursor), counter);
            Assert.That(counter.Count, Is.EqualTo(1), "one SQL round trip per page");
            seen.AddRange(page.Conversations.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(expected));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task List_ShowsOnlyMyConversations()
    {
        var me = await Db.AddUserAsync("Me");
        var a = await Db.AddUserAsync("A");
        var b = await Db.AddUserAsync("B");
        await using (var db = Db.NewContext())
        {
            await new Scenario(db).DirectAsync(a, b);
        }

        var page = await ListAsync(me, new ListConversations());

        Assert.That(page.Conversations, Is.Empty);
    }

    [Test]
    public async Task LastMessagePreview_IsShortened_WithoutSplittingAnEmoji()
    {
        var me = await Db.AddUserAsync("Me");
        var other = await Db.AddUserAsync("Other");
        await using (var db = Db.NewContext())
        {
            var scenario = new Scenario(db);
            var conversation = await scenario.DirectAsync(me, other);
            await scenario.PostAsync(conversation, other, new string('a', 99) + "😀 and the rest of a long message");
        }

        var preview = (await ListAsync(me, new ListConversations())).Conversations[0].LastMessage!.Preview!;

        Assert.That(preview, Is.EqualTo(new string('a', 99)));
    }

    private static async Task<ConversationPage> ListAsync(int caller, ListConversations query, CommandCounter? counter = null)
    {
        await using var db = counter is null ? Db.NewContext() : Db.NewContext(counter);
        var result = await new ListConversationsHandler(db, new FixedCurrentUser(caller), TimeProvider.System).Handle(query, CancellationToken.None);
        Assert.That(result.IsSuccess, Is.True, () => result.Error!.Code);
        return result.Value;
    }
}
