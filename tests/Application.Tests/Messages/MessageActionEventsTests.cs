using Astegni.Chat.Application.Events;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Notifications = Astegni.Chat.Application.Events;

namespace Astegni.Chat.Application.Tests.Messages;

/// <summary>Each message action's domain event becomes the notification its push handler listens for.</summary>
public class MessageActionEventsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);
    private static readonly UserId Alice = new(7);
    private static readonly UserId Bob = new(42);

    private static Message SentByAlice()
    {
        var message = Conversation.OpenDirect(Alice, Bob, Now).Post(Alice, MessageBody.Text("selam").Value, null, Now).Value;
        message.ClearDomainEvents();
        return message;
    }

    private static T? Notified<T>(Message message)
        where T : ChatNotification =>
        message.DomainEvents.Select(DomainEventNotifications.From).OfType<T>().SingleOrDefault();

    [Test]
    public void AnEdit_BecomesMessageEdited_NamingTheEditor()
    {
        var message = SentByAlice();
        message.Edit(Alice, MessageBody.Text("edited").Value, Now.AddMinutes(1), Window);

        var edited = Notified<Notifications.MessageEdited>(message);

        Assert.That(edited, Is.EqualTo(new Notifications.MessageEdited(message.ConversationId, message.Id, Alice)));
    }

    [Test]
    public void ADeletionForEveryone_BecomesMessageDeletedForEveryone_SayingWhetherItWasPinned()
    {
        var message = SentByAlice();
        message.Pin(Bob, actorMayPin: true, Now);
        message.ClearDomainEvents();
        message.DeleteForEveryone(Alice, actorIsGroupAdmin: false, Now.AddMinutes(1), Window);

        var deleted = Notified<Notifications.MessageDeletedForEveryone>(message);

        Assert.That(deleted, Is.EqualTo(new Notifications.MessageDeletedForEveryone(message.ConversationId, message.Id, Alice, WasPinned: true)));
    }

    [Test]
    public void ADeletionForMe_BecomesMessageDeletedForUser_NamingOnlyThatUser()
    {
        var message = SentByAlice();
        message.DeleteFor(Bob, Now);

        var deleted = Notified<Notifications.MessageDeletedForUser>(message);

        Assert.That(deleted, Is.EqualTo(new Notifications.MessageDeletedForUser(message.ConversationId, message.Id, Bob)));
    }

    [Test]
    public void AReaction_BecomesReactionsChanged()
    {
        var message = SentByAlice();
        message.React(Bob, "👍", Now);

        var changed = Notified<Notifications.ReactionsChanged>(message);

        Assert.That(changed, Is.EqualTo(new Notifications.ReactionsChanged(message.ConversationId, message.Id, Bob)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void APinOrUnpin_BecomesMessagePinnedChanged_WithTheNewState(bool pin)
    {
        var message = SentByAlice();
        if (!pin)
        {
            message.Pin(Bob, actorMayPin: true, Now);
            message.ClearDomainEvents();
            message.Unpin(Bob, actorMayPin: true, Now);
        }
        else
        {
            message.Pin(Bob, actorMayPin: true, Now);
        }

        var changed = Notified<Notifications.MessagePinnedChanged>(message);

        Assert.That(changed, Is.EqualTo(new Notifications.MessagePinnedChanged(message.ConversationId, message.Id, Bob, pin)));
    }
}
