using System.Text.Json;
using Astegni.Chat.Application.Events;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Options;
using UserBlockedNotification = Astegni.Chat.Application.Events.UserBlocked;

namespace Astegni.Chat.Application.Tests.Events;

/// <summary>What a command leaves in the outbox: its notifications, each with an id of its own, then its queued pushes.</summary>
public class CommandOutboxTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Alice = new(7);
    private static readonly UserId Bob = new(42);

    private static OutboxSerializer Serializer()
    {
        var options = new OutboxOptions();
        options.HubJson.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        return new OutboxSerializer(Options.Create(options));
    }

    private static IDomainEvent Blocked(UserId blocker, UserId blocked) =>
        Block.Create(blocker, blocked, null, Now).Value.DomainEvents.Single();

    private static ClaimedOutboxEntry Claimed(OutboxEntry entry, long id = 1) => new(id, entry.Type, entry.Payload, Attempts: 1);

    [Test]
    public void TakeEntries_WritesEachNotificationWithItsOwnId_ThenTheQueuedPushes()
    {
        var outbox = new CommandOutbox(Serializer());
        outbox.Push([Bob], "conversation_updated", new { ConversationId = 5 });

        var entries = outbox.TakeEntries([Blocked(Alice, Bob), Blocked(Bob, Alice)]);

        Assert.That(entries.Select(e => e.Type), Is.EqualTo(new[] { "notification:UserBlocked", "notification:UserBlocked", "push" }));
        var first = (UserBlockedNotification)OutboxSerializer.ReadNotification(Claimed(entries[0]))!;
        var second = (UserBlockedNotification)OutboxSerializer.ReadNotification(Claimed(entries[1]))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first with { NotificationId = Guid.Empty }, Is.EqualTo(new UserBlockedNotification(Alice, Bob)));
            Assert.That(second with { NotificationId = Guid.Empty }, Is.EqualTo(new UserBlockedNotification(Bob, Alice)));
            Assert.That(first.NotificationId, Is.Not.EqualTo(Guid.Empty).And.Not.EqualTo(second.NotificationId));
        }
    }

    [Test]
    public void APush_ReadsBackAsTheHubWouldHaveSerializedIt()
    {
        var outbox = new CommandOutbox(Serializer());
        outbox.Push([Alice, Bob], "conversation_updated", new { ConversationId = 5 });

        var push = OutboxSerializer.ReadPush(Claimed(outbox.TakeEntries([]).Single()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(push.Recipients, Is.EqualTo(new[] { Alice, Bob }));
            Assert.That(push.EventName, Is.EqualTo("conversation_updated"));
            Assert.That(push.Payload.GetRawText(), Is.EqualTo("""{"conversation_id":5}"""));
        }
    }

    [Test]
    public void APushToNobody_IsNotWritten()
    {
        var outbox = new CommandOutbox(Serializer());

        outbox.Push([], "conversation_updated", new { ConversationId = 5 });

        Assert.That(outbox.TakeEntries([]), Is.Empty);
    }

    [Test]
    public void Clear_ForgetsThePushesOfACommandThatRolledBack()
    {
        var outbox = new CommandOutbox(Serializer());
        outbox.Push([Bob], "conversation_updated", new { ConversationId = 5 });

        outbox.Clear();

        Assert.That(outbox.TakeEntries([]), Is.Empty);
    }

    [Test]
    public void TakeEntries_EmptiesTheQueue()
    {
        var outbox = new CommandOutbox(Serializer());
        outbox.Push([Bob], "conversation_updated", new { ConversationId = 5 });
        outbox.TakeEntries([]);

        Assert.That(outbox.TakeEntries([]), Is.Empty);
    }

    [Test]
    public void ARowOfAnUnknownNotification_ReadsAsNothing() =>
        Assert.That(OutboxSerializer.ReadNotification(new ClaimedOutboxEntry(1, "notification:FromANewerVersion", "{}", 1)), Is.Null);
}
