using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Behaviors;
using Astegni.Chat.Application.Blocks.BlockUser;
using Astegni.Chat.Domain.Common;
using NSubstitute;

namespace Astegni.Chat.Application.Tests.Behaviors;

public sealed class ConcurrencyRetryBehaviorTests
{
    private static readonly BlockUser Command = new(BlockedUserId: 42);

    private IUnitOfWork _unitOfWork = null!;
    private int _runs;

    [SetUp]
    public void SetUp()
    {
        _unitOfWork = Substitute.For<IUnitOfWork>();
        _runs = 0;
    }

    private ConcurrencyRetryBehavior<BlockUser, Result> Behavior => new(_unitOfWork);

    private ValueTask<Result> LosesTheRace(int times)
    {
        _runs++;
        return _runs <= times
            ? throw new ConcurrentChangeException(new InvalidOperationException("row changed"))
            : ValueTask.FromResult(Result.Success());
    }

    [Test]
    public async Task ACommandThatLostARace_RunsAgain_AndSucceeds()
    {
        var result = await Behavior.Handle(Command, (_, _) => LosesTheRace(times: 1), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(_runs, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task ACommandThatKeepsLosing_IsAConflict()
    {
        var result = await Behavior.Handle(Command, (_, _) => LosesTheRace(times: int.MaxValue), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("conflict"));
            Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(_runs, Is.EqualTo(ConcurrencyRetryBehavior<BlockUser, Result>.MaxRuns));
        }
    }

    [Test]
    public void ACommandInsideAnotherOnesTransaction_IsNotRunAgainAlone()
    {
        _unitOfWork.HasActiveTransaction.Returns(true);

        Assert.ThrowsAsync<ConcurrentChangeException>(async () =>
            await Behavior.Handle(Command, (_, _) => LosesTheRace(times: 1), CancellationToken.None));
        Assert.That(_runs, Is.EqualTo(1));
    }

    [Test]
    public void OtherFailures_AreNotRetried()
    {
        Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Behavior.Handle(Command, (_, _) => { _runs++; throw new InvalidOperationException("a bug"); }, CancellationToken.None));
        Assert.That(_runs, Is.EqualTo(1));
    }
}
