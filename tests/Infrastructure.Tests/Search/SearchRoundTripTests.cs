using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Contacts.ListContacts;
using Astegni.Chat.Application.Conversations.ListConversations;
using Astegni.Chat.Application.Messages.SearchMessages;
using Astegni.Chat.Infrastructure.Search;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Media;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Infrastructure.Tests.Search;

/// <summary>Each search answers a page in one SQL statement, and word search asks the indexed column.</summary>
public sealed class SearchRoundTripTests : DatabaseTest
{
    [Test]
    public async Task MessageSearch_AnswersAPageInOneStatement_MatchingTheIndexedColumn()
    {
        var me = await Db.AddUserAsync("Me");
        var other = await Db.AddUserAsync("Other");
        await using (var db = Db.NewContext())
        {
            var scenario = new Scenario(db);
            var conversation = await scenario.DirectAsync(me, other);
            for (var i = 0; i < 4; i++)
            {
                await scenario.PostAsync(conversation, other, $"lesson {i}");
            }
        }

        var counter = new CommandCounter();
        await using var context = Db.NewContext(counter);
        var handler = new SearchMessagesHandler(context, new FixedCurrentUser(me), new PostgresMessageSearch(), TestMediaLinks.Create(), Options.Create(new ChatOptions()));

        var first = await handler.Handle(new SearchMessages("lesson", Limit: 3), CancellationToken.None);
        var firstCount = counter.Count;
        counter.Reset();
        var second = await handler.Handle(new SearchMessages("lesson", Cursor: first.Value.NextCursor, Limit: 3), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Value.Messages, Has.Count.EqualTo(3));
            Assert.That(second.Value.Messages, Has.Count.EqualTo(1));
            Assert.That(firstCount, Is.EqualTo(1), "one round trip per page");
            Assert.That(counter.Count, Is.EqualTo(1));
            Assert.That(counter.Commands[0], Does.Contain("search_vector @@ plainto_tsquery('simple'"), "the GIN index's own expression");
        }
    }

    [Test]
    public async Task ConversationSearch_AnswersAPageInOneStatement()
    {
        var me = await Db.AddUserAsync("Me");
        await using (var db = Db.NewContext())
        {
            var scenario = new Scenario(db);
            for (var i = 0; i < 3; i++)
            {
                await scenario.DirectAsync(me, await Db.AddUserAsync($"Abebe{i}"));
            }
        }

        var counter = new CommandCounter();
        await using var context = Db.NewContext(counter);
        var page = await new ListConversationsHandler(context, new FixedCurrentUser(me), TimeProvider.System)
            .Handle(new ListConversations(Query: "abebe"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Value.Conversations, Has.Count.EqualTo(3));
            Assert.That(counter.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Contacts_AnswerAPageInOneStatement()
    {
        var me = await Db.AddUserAsync("Me");
        for (var i = 0; i < 3; i++)
        {
            var other = await Db.AddUserAsync($"Contact{i}");
            await Db.ConnectAsync(me, other);
            await using var db = Db.NewContext();
            await new Scenario(db).DirectAsync(me, other);
        }

        var counter = new CommandCounter();
        await using var context = Db.NewContext(counter);
        var handler = new ListContactsHandler(context, new FixedCurrentUser(me));
        var first = await handler.Handle(new ListContacts(Limit: 2), CancellationToken.None);
        var firstCount = counter.Count;
        counter.Reset();
        var second = await handler.Handle(new ListContacts(Limit: 2, Cursor: first.Value.NextCursor), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Value.Contacts, Has.Count.EqualTo(2));
            Assert.That(first.Value.Contacts, Has.All.Matches<ContactView>(c => c.ConversationId is not null));
            Assert.That(second.Value.Contacts, Has.Count.EqualTo(1));
            Assert.That(firstCount, Is.EqualTo(1), "one round trip per page");
            Assert.That(counter.Count, Is.EqualTo(1));
        }
    }
}
