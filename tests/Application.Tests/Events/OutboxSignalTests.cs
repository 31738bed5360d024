using Astegni.Chat.Application.Events.Outbox;

namespace Astegni.Chat.Application.Tests.Events;

/// <summary>A commit waits for the dispatcher pass that publishes its rows, never for one that began before it.</summary>
public class OutboxSignalTests
{
    private OutboxSignal _signal = null!;

    [SetUp]
    public void SetUp() => _signal = new OutboxSignal();

    [TearDown]
    public void TearDown() => _signal.Dispose();

    [Test]
    public void WithoutADispatcher_ACommitDoesNotWait() =>
        Assert.That(_signal.WakeAsync().IsCompleted, Is.True);

    [Test]
    public async Task ACommit_WakesTheDispatcher_AndWaitsForTheNextPassToEnd()
    {
        _signal.DispatcherStarted();

        var published = _signal.WakeAsync();
        var woken = await _signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
        var pass = _signal.PassStarting();

        Assert.That(woken, Is.True);
        Assert.That(published.IsCompleted, Is.False, "the pass has not ended yet");
        pass.TrySetResult();
        await published.WaitAsync(TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task ACommitDuringAPass_WaitsForTheNextOne()
    {
        _signal.DispatcherStarted();
        var running = _signal.PassStarting();

        var published = _signal.WakeAsync();
        running.TrySetResult();

        Assert.That(published.IsCompleted, Is.False, "the running pass may have claimed before the commit");
        var next = _signal.PassStarting();
        next.TrySetResult();
        await published.WaitAsync(TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task WhenTheDispatcherStops_NobodyWaitsForIt()
    {
        _signal.DispatcherStarted();
        var published = _signal.WakeAsync();

        _signal.DispatcherStopped();

        await published.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.That(_signal.WakeAsync().IsCompleted, Is.True);
    }
}
