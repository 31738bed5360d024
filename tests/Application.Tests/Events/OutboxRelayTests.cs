using System.Text.Json;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using UserBlockedNotification = Astegni.Chat.Application.Events.UserBlocked;

namespace Astegni.Chat.Application.Tests.Events;

/// <summary>One pass of the dispatcher over claimed outbox rows: publish in order, delete what went out, retry what failed.</summary>
public class OutboxRelayTests
{
    private static readonly UserId Alice = new(7);
    private static readonly UserId Bob = new(42);

    private IOutboxStore _store = null!;
    private IPublisher _publisher = null!;
    private IRealtimePublisher _realtime = null!;
    private ServiceProvider _services = null!;
    private OutboxOptions _options = null!;
    private List<string> _log = null!;

    [SetUp]
    public void SetUp()
    {
        _log = [];
        _store = Substitute.For<IOutboxStore>();
        _publisher = Substitute.For<IPublisher>();
        _publisher.Publish(Arg.Any<object>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            _log.Add("notification " + ((UserBlockedNotification)call.Arg<object>()).BlockerId);
            return ValueTask.CompletedTask;
        });
        _realtime = Substitute.For<IRealtimePublisher>();
        _realtime.PublishAsync(Arg.Any<IReadOnlyCollection<UserId>>(), Arg.Any<string>(), Arg.Any<object>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                _log.Add("push " + call.ArgAt<string>(1));
                return Task.CompletedTask;
            });
        _services = new ServiceCollection().AddScoped(_ => _publisher).BuildServiceProvider();
        _options = new OutboxOptions { MaxAttempts = 3 };
    }

    [TearDown]
    public void TearDown() => _services.Dispose();

    private OutboxRelay Relay() => new(
        _store, _services.GetRequiredService<IServiceScopeFactory>(), _realtime, Options.Create(_options), NullLogger<OutboxRelay>.Instance);

    private void Claims(params ClaimedOutboxEntry[] rows) =>
        _store.ClaimAsync(Arg.Any<int>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(rows);

    private static ClaimedOutboxEntry Blocked(long id, UserId blocker, UserId blocked, int attempts = 1)
    {
        var notification = new UserBlockedNotification(blocker, blocked) { NotificationId = Guid.CreateVersion7() };
        var entry = OutboxSerializer.Notification(notification);
        return new ClaimedOutboxEntry(id, entry.Type, entry.Payload, attempts);
    }

    private static ClaimedOutboxEntry Push(long id, string eventName)
    {
        var entry = new OutboxSerializer(Options.Create(new OutboxOptions())).Push([Bob], eventName, new { ConversationId = 5 });
        return new ClaimedOutboxEntry(id, entry.Type, entry.Payload, 1);
    }

    [Test]
    public async Task Relay_PublishesEveryRowInTheOrderItWasWritten_ThenDeletesThem()
    {
        Claims(Push(3, "conversation_updated"), Blocked(1, Alice, Bob), Blocked(2, Bob, Alice));

        var claimed = await Relay().RelayAsync(CancellationToken.None);

        Assert.That(claimed, Is.EqualTo(3));
        Assert.That(_log, Is.EqualTo(new[] { "notification 7", "notification 42", "push conversation_updated" }));
        await _store.Received(1).DeleteAsync(
            Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 1, 2, 3 })), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Relay_HandsHandlersTheIdTheRowWasWrittenWith()
    {
        var row = Blocked(1, Alice, Bob);
        var written = JsonDocument.Parse(row.Payload).RootElement.GetProperty("NotificationId").GetGuid();
        Claims(row);

        await Relay().RelayAsync(CancellationToken.None);

        await _publisher.Received(1).Publish(
            Arg.Is<object>(n => ((UserBlockedNotification)n).NotificationId == written), Arg.Any<CancellationToken>());
    }

    // A handler whose own call times out throws TaskCanceledException although nobody cancelled the pass:
    // that is a failing handler like any other.
    [TestCase(typeof(InvalidOperationException))]
    [TestCase(typeof(TaskCanceledException))]
    public async Task Relay_WhenAHandlerFails_TriesThatRowAgainLater_AndStillPublishesTheNext(Type failure)
    {
        var exception = (Exception)Activator.CreateInstance(failure, "handler failed")!;
        _publisher.Publish(Arg.Is<object>(n => ((UserBlockedNotification)n).BlockerId == Alice), Arg.Any<CancellationToken>())
            .Returns(ValueTask.FromException(exception));
        Claims(Blocked(1, Alice, Bob, attempts: 2), Blocked(2, Bob, Alice));

        await Relay().RelayAsync(CancellationToken.None);

        Assert.That(_log, Is.EqualTo(new[] { "notification 42" }));
        await _store.Received(1).RetryLaterAsync(1, OutboxRelay.RetryDelay(2), Arg.Any<CancellationToken>());
        await _store.Received(1).DeleteAsync(
            Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 2 })), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Relay_AfterTheLastAttempt_GivesTheRowUp()
    {
        _publisher.Publish(Arg.Any<object>(), Arg.Any<CancellationToken>()).Returns(ValueTask.FromException(new InvalidOperationException("bug")));
        Claims(Blocked(1, Alice, Bob, attempts: _options.MaxAttempts));

        await Relay().RelayAsync(CancellationToken.None);

        await _store.DidNotReceive().RetryLaterAsync(Arg.Any<long>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
        await _store.Received(1).DeleteAsync(
            Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 1 })), Arg.Any<CancellationToken>());
    }

    [Test]
    public void Relay_WhenTheServiceStops_LetsTheCancellationThroughAndDeletesNothing()
    {
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();
        _publisher.Publish(Arg.Any<object>(), Arg.Any<CancellationToken>())
            .Returns(ValueTask.FromException(new OperationCanceledException(stopping.Token)));
        Claims(Blocked(1, Alice, Bob));

        Assert.That(async () => await Relay().RelayAsync(stopping.Token), Throws.InstanceOf<OperationCanceledException>());
        _store.DidNotReceive().DeleteAsync(Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Relay_NothingDue_PublishesNothing()
    {
        Claims();

        Assert.That(await Relay().RelayAsync(CancellationToken.None), Is.Zero);
        Assert.That(_log, Is.Empty);
    }

    [Test]
    public void RetryDelay_Doubles_UpToFiveMinutes() =>
        Assert.That(new[] { 1, 2, 3, 20 }.Select(OutboxRelay.RetryDelay), Is.EqualTo(new[]
        {
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromMinutes(5),
        }));
}
