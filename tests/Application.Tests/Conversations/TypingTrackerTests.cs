using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Astegni.Chat.Application.Tests.Conversations;

public sealed class TypingTrackerTests
{
    private static readonly TimeSpan Timeout = new ChatOptions().TypingTimeout;
    private static readonly UserId Typer = new(1);
    private static readonly UserId Alice = new(2);
    private static readonly UserId Bob = new(3);
    private static readonly TypingKey InChat = new(new ConversationId(10), Typer);

    private ManualClock _clock = null!;
    private IRealtimePublisher _realtime = null!;
    private TypingTracker _tracker = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new ManualClock();
        _realtime = Substitute.For<IRealtimePublisher>();
        _tracker = new TypingTracker(new InMemoryTypingBoard(_clock), _realtime, _clock, Options.Create(new ChatOptions()), NullLogger<TypingTracker>.Instance);
    }

    [TearDown]
    public void TearDown() => _tracker.Dispose();

    [Test]
    public void DefaultTimeout_IsSixSeconds() => Assert.That(Timeout, Is.EqualTo(TimeSpan.FromSeconds(6)));

    [Test]
    public async Task Show_TellsTheRecipientsThatTheTyperTypes()
    {
        await _tracker.ShowAsync(InChat, [Alice, Bob], CancellationToken.None);

        await _realtime.Received(1).PublishAsync(
            Arg.Is<IReadOnlyCollection<UserId>>(r => r.SequenceEqual(new[] { Alice, Bob })),
            "typing",
            new TypingEvent(10, 1, true),
            Arg.Any<CancellationToken>());
        Assert.That(_tracker.ShownCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Indicator_WithoutANewSignal_ClearsItselfAfterTheTimeout()
    {
        await _tracker.ShowAsync(InChat, [Alice, Bob], CancellationToken.None);

        _clock.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        await _realtime.DidNotReceive().PublishAsync(Arg.Any<IReadOnlyCollection<UserId>>(), "typing", new TypingEvent(10, 1, false), Arg.Any<CancellationToken>());
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await _realtime.Received(1).PublishAsync(
            Arg.Is<IReadOnlyCollection<UserId>>(r => r.SequenceEqual(new[] { Alice, Bob })),
            "typing",
            new TypingEvent(10, 1, false),
            Arg.Any<CancellationToken>());
        Assert.That(_tracker.ShownCount, Is.Zero);
    }

    [Test]
    public async Task NewSignal_RestartsTheTimeout()
    {
        await _tracker.ShowAsync(InChat, [Alice], CancellationToken.None);
        _clock.Advance(Timeout * 0.75);
        await _tracker.ShowAsync(InChat, [Alice], CancellationToken.None);

        _clock.Advance(Timeout * 0.75);
        await _realtime.DidNotReceive().PublishAsync(Arg.Any<IReadOnlyCollection<UserId>>(), "typing", new TypingEvent(10, 1, false), Arg.Any<CancellationToken>());
        _clock.Advance(Timeout * 0.25);

        await _realtime.Received(1).PublishAsync(Arg.Any<IReadOnlyCollection<UserId>>(), "typing", new TypingEvent(10, 1, false), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Hide_ClearsAtOnce_AndCancelsTheExpiry()
    {
        await _tracker.ShowAsync(InChat, [Alice], CancellationToken.None);

        await _tracker.HideAsync(InChat, [Alice], CancellationToken.None);
        _clock.Advance(Timeout * 2);

        await _realtime.Received(1).PublishAsync(Arg.Any<IReadOnlyCollection<UserId>>(), "typing", new TypingEvent(10, 1, false), Arg.Any<CancellationToken>());
        Assert.That(_tracker.ShownCount, Is.Zero);
    }

    [Test]
    public async Task Hide_TellsOnlyThoseWhoSawItAndMayStillSeeIt()
    {
        var carol = new UserId(4);
        await _tracker.ShowAsync(InChat, [Alice, Bob], CancellationToken.None);

        await _tracker.HideAsync(InChat, [Alice, carol], CancellationToken.None);

        await _realtime.Received(1).PublishAsync(
            Arg.Is<IReadOnlyCollection<UserId>>(r => r.SequenceEqual(new[] { Alice })),
            "typing",
            new TypingEvent(10, 1, false),
            Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Hide_WithNothingShown_SendsNothing()
    {
        await _tracker.HideAsync(InChat, [Alice], CancellationToken.None);

        await _realtime.DidNotReceiveWithAnyArgs().PublishAsync(default!, default!, default!, default);
    }

    [Test]
    public async Task Indicators_AreKeptPerConversationAndTyper()
    {
        var elsewhere = InChat with { ConversationId = new ConversationId(11) };
        var someoneElse = InChat with { Typer = Bob };
        await _tracker.ShowAsync(InChat, [Alice], CancellationToken.None);
        await _tracker.ShowAsync(elsewhere, [Alice], CancellationToken.None);
        await _tracker.ShowAsync(someoneElse, [Alice], CancellationToken.None);

        await _tracker.HideAsync(InChat, [Alice], CancellationToken.None);
        Assert.That(_tracker.ShownCount, Is.EqualTo(2));
        _clock.Advance(Timeout);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_tracker.ShownCount, Is.Zero);
            await _realtime.Received(1).PublishAsync(Arg.Any<IReadOnlyCollection<UserId>>(), "typing", new TypingEvent(11, 1, false), Arg.Any<CancellationToken>());
            await _realtime.Received(1).PublishAsync(Arg.Any<IReadOnlyCollection<UserId>>(), "typing", new TypingEvent(10, 3, false), Arg.Any<CancellationToken>());
        }
    }

    [Test]
    public async Task ExpiryPush_ThatFails_IsLoggedAndTheIndicatorIsGoneAnyway()
    {
        await _tracker.ShowAsync(InChat, [Alice], CancellationToken.None);
        _realtime.PublishAsync(Arg.Any<IReadOnlyCollection<UserId>>(), Arg.Any<string>(), Arg.Any<object>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new InvalidOperationException("hub down")));

        Assert.That(() => _clock.Advance(Timeout), Throws.Nothing);
        Assert.That(_tracker.ShownCount, Is.Zero);
    }

    /// <summary>A clock that moves only when told to; its timers fire as it passes their due time.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private readonly List<ManualTimer> _timers = [];
        private DateTimeOffset _now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(this, callback, state);
            timer.Change(dueTime, period);
            _timers.Add(timer);
            return timer;
        }

        public void Advance(TimeSpan by)
        {
            _now += by;
            foreach (var timer in _timers.Where(t => t.DueAt <= _now).ToList())
            {
                timer.Fire();
            }
        }

        /// <summary>One-shot timers are all these tests need: a period is ignored.</summary>
        private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
        {
            public DateTimeOffset? DueAt { get; private set; }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                DueAt = dueTime == global::System.Threading.Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                return true;
            }

            public void Fire()
            {
                DueAt = null;
                callback(state);
            }

            public void Dispose() => DueAt = null;

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
