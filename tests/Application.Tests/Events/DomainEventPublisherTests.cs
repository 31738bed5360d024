using Astegni.Chat.Application.Events;
using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using ConversationCreatedNotification = Astegni.Chat.Application.Events.ConversationCreated;
using UserBlockedNotification = Astegni.Chat.Application.Events.UserBlocked;

namespace Astegni.Chat.Application.Tests.Events;

public class DomainEventPublisherTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
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

    private static IDomainEvent Blocked(UserId blocker, UserId blocked) =>
        Block.Create(blocker, blocked, null, Now).Value.DomainEvents.Single();

    [Test]
    public async Task PublishAsync_ABlock_TellsSubscribersWhoBlockedWhom()
    {
        await _events.PublishAsync([Blocked(Alice, Bob)], CancellationToken.None);

        await _publisher.Received(1).Publish(new UserBlockedNotification(Alice, Bob), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task PublishAsync_APostedMessage_TellsSubscribersTheSenderAndEveryActiveMember()
    {
        var conversation = Conversation.OpenDirect(Alice, Bob, Now);
        conversation.ClearDomainEvents();
        conversation.Post(Bob, MessageBody.Text("selam").Value, null, Now);
        MessageSent? sent = null;
        await _publisher.Publish(Arg.Do<MessageSent>(n => sent = n), Arg.Any<CancellationToken>());

        await _events.PublishAsync([.. conversation.DomainEvents], CancellationToken.None);

        Assert.That(sent, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent!.SenderId, Is.EqualTo(Bob));
            Assert.That(sent.MemberIds, Is.EquivalentTo(new[] { Alice, Bob }));
        }
    }

    [Test]
    public async Task PublishAsync_ANewConversation_TellsSubscribersTheCreatorAndMembers()
    {
        var conversation = Conversation.OpenDirect(Bob, Alice, Now);
        ConversationCreatedNotification? created = null;
        await _publisher.Publish(Arg.Do<ConversationCreatedNotification>(n => created = n), Arg.Any<CancellationToken>());

        await _events.PublishAsync([.. conversation.DomainEvents], CancellationToken.None);

        Assert.That(created, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created!.CreatedBy, Is.EqualTo(Bob));
            Assert.That(created.MemberIds, Is.EquivalentTo(new[] { Alice, Bob }));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task PublishAsync_WhenASubscriberFails_SwallowsItAndStillPublishesTheNextEvent(bool failsSynchronously)
    {
        var subscriberBug = new InvalidOperationException("subscriber bug");
        _publisher.Publish(new UserBlockedNotification(Alice, Bob), Arg.Any<CancellationToken>())
            .Returns(_ => failsSynchronously ? throw subscriberBug : ValueTask.FromException(subscriberBug));

        Assert.That(
            async () => await _events.PublishAsync([Blocked(Alice, Bob), Blocked(Bob, Alice)], CancellationToken.None),
            Throws.Nothing);
        await _publisher.Received(1).Publish(new UserBlockedNotification(Bob, Alice), Arg.Any<CancellationToken>());
    }

    [Test]
    public void PublishAsync_WhenTheCallerCancels_LetsTheCancellationThrough()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        _publisher.Publish(Arg.Any<UserBlockedNotification>(), Arg.Any<CancellationToken>())
            .Returns(ValueTask.FromException(new OperationCanceledException(cancellation.Token)));

        Assert.That(
            async () => await _events.PublishAsync([Blocked(Alice, Bob)], cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    // A subscriber whose own call times out (HttpClient, a backplane) throws TaskCanceledException
    // although nobody cancelled the command: that is a failing subscriber like any other.
    [Test]
    public async Task PublishAsync_WhenASubscriberTimesOutOnItsOwn_SwallowsItAndStillPublishesTheNextEvent()
    {
        _publisher.Publish(new UserBlockedNotification(Alice, Bob), Arg.Any<CancellationToken>())
            .Returns(ValueTask.FromException(new TaskCanceledException("subscriber's HTTP call timed out")));

        Assert.That(
            async () => await _events.PublishAsync([Blocked(Alice, Bob), Blocked(Bob, Alice)], CancellationToken.None),
            Throws.Nothing);
        await _publisher.Received(1).Publish(new UserBlockedNotification(Bob, Alice), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task PublishAsync_NoEvents_PublishesNothing()
    {
        await _events.PublishAsync([], CancellationToken.None);

        Assert.That(_publisher.ReceivedCalls(), Is.Empty);
    }
}
