using Astegni.Chat.Application.Messages.GetHistory;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Infrastructure.Tests.Queries;

public sealed class GetHistoryTests : DatabaseTest
{
    [Test]
    public async Task APageOfHistory_IsOneRoundTrip_WithSenderNames()
    {
        var me = await Db.AddUserAsync("Me", "Myself");
        var other = await Db.AddUserAsync("Other", "Person");
        int conversationId;
        await using (var db = Db.NewContext())
        {
            var scenario = new Scenario(db);
            var conversation = await scenario.DirectAsync(me, other);
            conversationId = conversation.Id.Value;
            for (var i = 0; i < 30; i++)
            {
                await scenario.PostAsync(conversation, i % 2 == 0 ? me : other, $"line {i}");
            }
        }

        var counter = new CommandCounter();
        await using var reader = Db.NewContext(counter);
        var result = await new GetHistoryHandler(reader, new FixedCurrentUser(me), TestMediaLinks.Create())
            .Handle(new GetHistory(conversationId, Limit: 20), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(counter.Count, Is.EqualTo(1), string.Join("\n---\n", counter.Commands));
        Assert.That(result.Value.Messages, Has.Count.EqualTo(20));
        Assert.That(result.Value.Messages[0].Content, Is.EqualTo("line 29"));
        Assert.That(result.Value.Messages[0].SenderName, Is.EqualTo("Other Person"));
        Assert.That(result.Value.HasMore, Is.True);
    }
}
