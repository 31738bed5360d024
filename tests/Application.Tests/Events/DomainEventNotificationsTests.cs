using Astegni.Chat.Application.Events;
using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using ConversationCreatedNotification = Astegni.Chat.Application.Events.ConversationCreated;
using UserBlockedNotification = Astegni.Chat.Application.Events.UserBlocked;

namespace Astegni.Chat.Application.Tests.Events;

public class DomainEventNotificationsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Alice = new(7);
    private static readonly UserId Bob = new(42);

    private static IDomainEvent Blocked(UserId blocker, UserId blocked) =>
        Block.Create(blocker, blocked, null, Now).Value.DomainEvents.Single();

    [Test]
    public void ABlock_TellsSubscribersWhoBlockedWhom() =>
        Assert.That(DomainEventNotifications.From(Blocked(Alice, Bob)), Is.EqualTo(new UserBlockedNotification(Alice, Bob)));

    [Test]
    public void APostedMessage_TellsSubscribersTheSenderAndEveryActiveMember()
    {
        var conversation = Conversation.OpenDirect(Alice, Bob, Now);
        conversation.ClearDomainEvents();
        conversation.Post(Bob, MessageBody.Text("selam").Value, null, Now);

        var sent = conversation.DomainEvents.Select(DomainEventNotifications.From).OfType<MessageSent>().SingleOrDefault();

        Assert.That(sent, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent!.SenderId, Is.EqualTo(Bob));
            Assert.That(sent.MemberIds, Is.EquivalentTo(new[] { Alice, Bob }));
        }
    }

    [Test]
    public void ANewConversation_TellsSubscribersTheCreatorAndMembers()
    {
        var conversation = Conversation.OpenDirect(Bob, Alice, Now);

        var created = conversation.DomainEvents.Select(DomainEventNotifications.From).OfType<ConversationCreatedNotification>().SingleOrDefault();

        Assert.That(created, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created!.CreatedBy, Is.EqualTo(Bob));
            Assert.That(created.MemberIds, Is.EquivalentTo(new[] { Alice, Bob }));
        }
    }
}
