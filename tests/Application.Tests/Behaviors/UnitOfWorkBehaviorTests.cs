using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Behaviors;
using Astegni.Chat.Application.Blocks.BlockUser;
using Astegni.Chat.Application.Events;
using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using UserBlockedNotification = Astegni.Chat.Application.Events.UserBlocked;

namespace Astegni.Chat.Application.Tests.Behaviors;

public class UnitOfWorkBehaviorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly BlockUser Command = new(BlockedUserId: 42);
    private static readonly Error Refusal = Error.Validation("cannot_block_self", "You cannot block yourself.");

    private IUnitOfWork _unitOfWork = null!;
    private IPublisher _publisher = null!;
    private UnitOfWorkBehavior<BlockUser, Result> _behavior = null!;
    private List<string> _log = null!;
    private bool _inTransaction;

    [SetUp]
    public void SetUp()
    {
        _log = [];
        _inTransaction = false;
        _unitOfWork = Substitute.For<IUnitOfWork>();
        _unitOfWork.HasActiveTransaction.Returns(_ => _inTransaction);
        _unitOfWork.BeginAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _log.Add("begin");
            _inTransaction = true;
            return Task.CompletedTask;
        });
        _unitOfWork.RollbackAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _log.Add("rollback");
            _inTransaction = false;
            return Task.CompletedTask;
        });
        CommitReturns();

        _publisher = Substitute.For<IPublisher>();
        _publisher.Publish(Arg.Any<UserBlockedNotification>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _log.Add("publish");
            return ValueTask.CompletedTask;
        });

        _behavior = new UnitOfWorkBehavior<BlockUser, Result>(
            _unitOfWork, new DomainEventPublisher(_publisher, NullLogger<DomainEventPublisher>.Instance));
    }

    private void CommitReturns(params IDomainEvent[] events) =>
        _unitOfWork.CommitAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _log.Add("commit");
            _inTransaction = false;
            return Task.FromResult<IReadOnlyList<IDomainEvent>>(events);
        });

    private MessageHandlerDelegate<BlockUser, Result> Next(Result result) => (_, _) =>
    {
        _log.Add("handler");
        return ValueTask.FromResult(result);
    };

    [Test]
    public async Task Handle_WhenTheCommandSucceeds_CommitsThenPublishesItsEvents()
    {
        var block = Block.Create(new UserId(7), new UserId(42), null, Now).Value;
        CommitReturns([.. block.DomainEvents]);

        var result = await _behavior.Handle(Command, Next(Result.Success()), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(_log, Is.EqualTo(new[] { "begin", "handler", "commit", "publish" }));
        }

        await _publisher.Received(1).Publish(
            Arg.Is<UserBlockedNotification>(n => n.BlockerId == new UserId(7) && n.BlockedId == new UserId(42)),
            Arg.Any<CancellationToken>());
        await _unitOfWork.DidNotReceive().RollbackAsync(Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Handle_WhenTheCommandIsRefused_RollsBackAndPublishesNothing()
    {
        var result = await _behavior.Handle(Command, Next(Refusal), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error, Is.SameAs(Refusal));
            Assert.That(_log, Is.EqualTo(new[] { "begin", "handler", "rollback" }));
        }

        await _unitOfWork.DidNotReceive().CommitAsync(Arg.Any<CancellationToken>());
        await _publisher.DidNotReceive().Publish(Arg.Any<UserBlockedNotification>(), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Handle_WhenTheHandlerThrows_RollsBackAndRethrows()
    {
        var failure = new InvalidOperationException("bug in a handler");
        MessageHandlerDelegate<BlockUser, Result> throwing = (_, _) => throw failure;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                async () => await _behavior.Handle(Command, throwing, CancellationToken.None),
                Throws.Exception.SameAs(failure));
            Assert.That(_log, Is.EqualTo(new[] { "begin", "rollback" }));
        }

        await _unitOfWork.DidNotReceive().CommitAsync(Arg.Any<CancellationToken>());
    }

    [Test]
    public void Handle_WhenTheCommitFails_RollsBackRethrowsAndPublishesNothing()
    {
        _unitOfWork.CommitAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("database went away"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                async () => await _behavior.Handle(Command, Next(Result.Success()), CancellationToken.None),
                Throws.TypeOf<TimeoutException>());
            Assert.That(_log, Is.EqualTo(new[] { "begin", "handler", "rollback" }));
            Assert.That(_publisher.ReceivedCalls(), Is.Empty);
        }
    }

    [Test]
    public async Task Handle_InsideAnOuterTransaction_JoinsItWithoutBeginningOrCommitting()
    {
        _inTransaction = true;

        var result = await _behavior.Handle(Command, Next(Result.Success()), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(_log, Is.EqualTo(new[] { "handler" }));
            Assert.That(_publisher.ReceivedCalls(), Is.Empty);
        }

        await _unitOfWork.DidNotReceive().BeginAsync(Arg.Any<CancellationToken>());
        await _unitOfWork.DidNotReceive().CommitAsync(Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Handle_InsideAnOuterTransaction_LeavesARefusalToTheOuterCommand()
    {
        _inTransaction = true;

        var result = await _behavior.Handle(Command, Next(Refusal), CancellationToken.None);

        Assert.That(result.Error, Is.SameAs(Refusal));
        await _unitOfWork.DidNotReceive().RollbackAsync(Arg.Any<CancellationToken>());
    }
}
