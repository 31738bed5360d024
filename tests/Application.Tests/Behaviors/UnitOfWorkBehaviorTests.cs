using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Behaviors;
using Astegni.Chat.Application.Blocks.BlockUser;
using Astegni.Chat.Application.Calls.SendCallSignal;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Application.Presence.GoOnline;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Astegni.Chat.Application.Tests.Behaviors;

public class UnitOfWorkBehaviorTests
{
    private static readonly BlockUser Command = new(BlockedUserId: 42);
    private static readonly Error Refusal = Error.Validation("cannot_block_self", "You cannot block yourself.");

    private IUnitOfWork _unitOfWork = null!;
    private OutboxSignal _outboxSignal = null!;
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
        CommitReturns(outboxRows: 0);
        _outboxSignal = new OutboxSignal();
        _behavior = new UnitOfWorkBehavior<BlockUser, Result>(_unitOfWork, _outboxSignal, Options.Create(new OutboxOptions()));
    }

    [TearDown]
    public void TearDown() => _outboxSignal.Dispose();

    private void CommitReturns(int outboxRows) =>
        _unitOfWork.CommitAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _log.Add("commit");
            _inTransaction = false;
            return Task.FromResult(outboxRows);
        });

    private Task<bool> DispatcherWasWokenAsync() => _outboxSignal.WaitAsync(TimeSpan.Zero, CancellationToken.None);

    private MessageHandlerDelegate<BlockUser, Result> Next(Result result) => (_, _) =>
    {
        _log.Add("handler");
        return ValueTask.FromResult(result);
    };

    [Test]
    public async Task Handle_WhenTheCommandSucceeds_CommitsThenWakesTheOutboxDispatcher()
    {
        CommitReturns(outboxRows: 1);

        var result = await _behavior.Handle(Command, Next(Result.Success()), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(_log, Is.EqualTo(new[] { "begin", "handler", "commit" }));
            Assert.That(await DispatcherWasWokenAsync(), Is.True);
        }

        await _unitOfWork.DidNotReceive().RollbackAsync(Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Handle_WhenTheCommitWroteNothingToTell_LeavesTheDispatcherAsleep()
    {
        var result = await _behavior.Handle(Command, Next(Result.Success()), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(await DispatcherWasWokenAsync(), Is.False);
    }

    private static IEnumerable<TestCaseData> CommandsThatStoreNothing()
    {
        yield return new TestCaseData(new SignalTyping(ConversationId: 5, IsTyping: true)).SetArgDisplayNames("typing");
        yield return new TestCaseData(new GoOnline()).SetArgDisplayNames("going online");
        yield return new TestCaseData(
            new SendCallSignal(CallId: 9, Kind: "offer", Payload: System.Text.Json.JsonDocument.Parse("{}").RootElement)).SetArgDisplayNames("a call signal");
    }

    [TestCaseSource(nameof(CommandsThatStoreNothing))]
    public async Task Handle_ACommandThatStoresNothing_RunsWithoutOpeningATransaction<TCommand>(TCommand command)
        where TCommand : IBaseCommand
    {
        var behavior = new UnitOfWorkBehavior<TCommand, Result>(_unitOfWork, _outboxSignal, Options.Create(new OutboxOptions()));
        var handled = false;

        var result = await behavior.Handle(command, (_, _) =>
        {
            handled = true;
            return ValueTask.FromResult(Result.Success());
        }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(handled, Is.True);
        }

        await _unitOfWork.DidNotReceive().BeginAsync(Arg.Any<CancellationToken>());
        await _unitOfWork.DidNotReceive().CommitAsync(Arg.Any<CancellationToken>());
        await _unitOfWork.DidNotReceive().RollbackAsync(Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Handle_WhenTheCommandIsRefused_RollsBackAndWakesNobody()
    {
        var result = await _behavior.Handle(Command, Next(Refusal), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error, Is.SameAs(Refusal));
            Assert.That(_log, Is.EqualTo(new[] { "begin", "handler", "rollback" }));
            Assert.That(await DispatcherWasWokenAsync(), Is.False);
        }

        await _unitOfWork.DidNotReceive().CommitAsync(Arg.Any<CancellationToken>());
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
    public async Task Handle_WhenTheCommitFails_RollsBackRethrowsAndWakesNobody()
    {
        _unitOfWork.CommitAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("database went away"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                async () => await _behavior.Handle(Command, Next(Result.Success()), CancellationToken.None),
                Throws.TypeOf<TimeoutException>());
            Assert.That(_log, Is.EqualTo(new[] { "begin", "handler", "rollback" }));
            Assert.That(await DispatcherWasWokenAsync(), Is.False);
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
            Assert.That(await DispatcherWasWokenAsync(), Is.False);
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
