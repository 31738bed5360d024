using Astegni.Chat.Application.Events;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Notifications = Astegni.Chat.Application.Events;

namespace Astegni.Chat.Application.Tests.Messages;

/// <summary>Each message action's domain event becomes the notification its push handler listens for.</summary>
public class MessageActionEventsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);
    private static readonly UserId Alice = new(7);
    private static readonly UserId Bob = new(42);

    private IPublisher _publisher = null!;
    private DomainEventPublisher _events = null!;

    [SetUp]
    public void SetUp()
    {
        _publisher = Substitute.For<IPublisher>();
        _events = new DomainEventPublisher(_publisher, NullLogger<DomainEventPublisher>.Instance);
    }

    private static Message SentByAlice()
    {
        var message = Conversation.OpenDirect(Alice, Bob, Now).Post(Alice, MessageBody.Text("selam").Value, null, Now).Value;
        message.ClearDomainEvents();
        return message;
    }

    private async Task<T?> PublishedAsync<T>(Message message)
        where T : class, INotification
    {
        T? published = null;
        await _publisher.Publish(Arg.Do<T>(n => published = n), Arg.Any<CancellationToken>());
        await _events.PublishAsync([.. message.DomainEvents], CancellationToken.None);
        return published;
    }

    [Test]
    public async Task AnEdit_BecomesMessageEdited_NamingTheEditor()
    {
        var message = SentByAlice();
        message.Edit(Alice, MessageBody.Text("edited").Value, Now.AddMinutes(1), Window);

        var edited = await PublishedAsync<Notifications.MessageEdited>(message);

        Assert.That(edited, Is.EqualTo(new Notifications.MessageEdited(message.ConversationId, message.Id, Alice)));
    }

    [Test]
    public async Task ADeletionForEveryone_BecomesMessageDeletedForEveryone_SayingWhetherItWasPinned()
    {
        var message = SentByAlice();
        message.Pin(Bob, actorMayPin: true, Now);
        message.ClearDomainEvents();
        message.DeleteForEveryone(Alice, actorIsGroupAdmin: false, Now.AddMinutes(1), Window);

        var deleted = await PublishedAsync<Notifications.MessageDeletedForEveryone>(message);

        Assert.That(deleted, Is.EqualTo(new Notifications.MessageDeletedForEveryone(message.ConversationId, message.Id, Alice, WasPinned: true)));
    }

    [Test]
    public async Task ADeletionForMe_BecomesMessageDeletedForUser_NamingOnlyThatUser()
    {
        var message = SentByAlice();
        message.DeleteFor(Bob, Now);

        var deleted = await PublishedAsync<Notifications.MessageDeletedForUser>(message);

        Assert.That(deleted, Is.EqualTo(new Notifications.MessageDeletedForUser(message.ConversationId, message.Id, Bob)));
    }

    [Test]
    public async Task AReaction_BecomesReactionsChanged()
    {
        var message = SentByAlice();
        message.React(Bob, "👍", Now);

        var changed = await PublishedAsync<Notifications.ReactionsChanged>(message);

        Assert.That(changed, Is.EqualTo(new Notifications.ReactionsChanged(message.ConversationId, message.Id, Bob)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task APinOrUnpin_BecomesMessagePinnedChanged_WithTheNewState(bool pin)
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

        var changed = await PublishedAsync<Notifications.MessagePinnedChanged>(message);

        Assert.That(changed, Is.EqualTo(new Notifications.MessagePinnedChanged(message.ConversationId, message.Id, Bob, pin)));
    }
}
