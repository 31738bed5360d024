namespace Astegni.Chat.Application.Events.Outbox;

/// <summary>
/// Between the commands of this process and its outbox dispatcher. A commit that wrote rows wakes the dispatcher
/// and waits for the pass that publishes them, so the hub push still leaves within milliseconds and before the
/// command's answer, as when commands pushed themselves. Wakes that arrive while the dispatcher is busy fold into
/// one more pass.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _gate = new();
    private TaskCompletionSource _nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _dispatcherRunning;

    /// <summary>
    /// Wakes the dispatcher; completes once a pass that started after this call has ended (published what was due,
    /// or failed and left it for a later one), or at once when no dispatcher runs in this process.
    /// </summary>
    public Task WakeAsync()
    {
        Task passEnded;
        lock (_gate)
        {
            passEnded = _dispatcherRunning ? _nextPass.Task : Task.CompletedTask;
        }

        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // woken by another commit in between: the next pass takes these rows too
            }
        }

        return passEnded;
    }

    /// <summary>The dispatcher started: commits wait for its passes from now on.</summary>
    public void DispatcherStarted()
    {
        lock (_gate)
        {
            _dispatcherRunning = true;
        }
    }

    /// <summary>The dispatcher stopped: nobody waits for it any more (what is left is published at the next start).</summary>
    public void DispatcherStopped()
    {
        lock (_gate)
        {
            _dispatcherRunning = false;
            _nextPass.TrySetResult();
            _nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>
    /// The dispatcher begins a pass: every commit that woke it before this moment is published by this pass.
    /// Complete the returned source when the pass has ended.
    /// </summary>
    public TaskCompletionSource PassStarting()
    {
        lock (_gate)
        {
            var current = _nextPass;
            _nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return current;
        }
    }

    /// <summary>The dispatcher waits to be woken (true), or for <paramref name="timeout"/> (false: time to poll).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
