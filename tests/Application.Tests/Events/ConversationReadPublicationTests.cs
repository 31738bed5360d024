using Astegni.Chat.Application.Events;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using ConversationReadNotification = Astegni.Chat.Application.Events.ConversationRead;

namespace Astegni.Chat.Application.Tests.Events;

public class ConversationReadPublicationTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void AMovedReadPosition_TellsSubscribersWhoReadHowFar_AndTheMembers()
    {
        var conversation = Conversation.OpenDirect(new UserId(7), new UserId(42), Now);
        conversation.ClearDomainEvents();
        conversation.MarkRead(new UserId(42), new MessageId(300), Now);

        var read = conversation.DomainEvents.Select(DomainEventNotifications.From).OfType<ConversationReadNotification>().SingleOrDefault();

        Assert.That(read, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read!.ReaderId, Is.EqualTo(new UserId(42)));
            Assert.That(read.LastReadMessageId, Is.EqualTo(new MessageId(300)));
            Assert.That(read.MemberIds, Is.EquivalentTo(new[] { new UserId(7), new UserId(42) }));
        }
    }
}
