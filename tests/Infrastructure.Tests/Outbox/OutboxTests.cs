using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.Infrastructure.Outbox;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using MessageSentNotification = Astegni.Chat.Application.Events.MessageSent;

namespace Astegni.Chat.Infrastructure.Tests.Outbox;

/// <summary>
/// chat_outbox for real: written in the command's own transaction, claimed by one dispatcher at a time without
/// waiting for another (FOR UPDATE SKIP LOCKED), left to its writer for a while, taken over when a claim times out.
/// </summary>
public sealed class OutboxTests : DatabaseTest
{
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly List<ChatDbContext> _contexts = [];

    [TearDown]
    public async Task DisposeContexts()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        _contexts.Clear();
    }

    private ChatDbContext NewContext()
    {
        var context = Db.NewContext();
        _contexts.Add(context);
        return context;
    }

    private static OutboxSerializer Serializer() => new(Microsoft.Extensions.Options.Options.Create(new OutboxOptions()));

    private PostgresOutboxStore Store(OutboxInstance instance, TimeSpan? takeover = null) =>
        new(NewContext(), instance, Microsoft.Extensions.Options.Options.Create(new OutboxOptions { TakeoverDelay = takeover ?? TimeSpan.FromSeconds(5) }));

    private async Task<List<long>> WriteRowsAsync(OutboxInstance writer, int count)
    {
        var db = NewContext();
        var records = Enumerable.Range(0, count).Select(i => new OutboxRecord(OutboxSerializer.PushType, $$"""{"n":{{i}}}""", writer.Id)).ToList();
        db.Outbox.AddRange(records);
        await db.SaveChangesAsync();
        return records.Select(r => r.Id).ToList();
    }

    private async Task<(EfUnitOfWork UnitOfWork, ChatDbContext Db)> UnitOfWorkAsync()
    {
        var userA = await Db.AddUserAsync("Abebe");
        var userB = await Db.AddUserAsync("Almaz");
        var db = NewContext();
        var conversation = Conversation.OpenDirect(new UserId(userA), new UserId(userB), Now);
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        conversation.ClearDomainEvents();
        var unitOfWork = new EfUnitOfWork(db, new CommandOutbox(Serializer()), new OutboxInstance());
        await unitOfWork.BeginAsync(CancellationToken.None);
        var tracked = await db.Conversations.Include(c => c.Participants).SingleAsync();
        db.Messages.Add(tracked.Post(new UserId(userA), MessageBody.Text("selam").Value, null, Now).Value);
        return (unitOfWork, db);
    }

    [Test]
    public async Task ACommittedCommand_LeavesItsNotificationsInTheOutbox_NamingTheStoredRows()
    {
        var (unitOfWork, db) = await UnitOfWorkAsync();

        var written = await unitOfWork.CommitAsync(CancellationToken.None);

        var claimed = await Store(new OutboxInstance(), takeover: TimeSpan.Zero).ClaimAsync(10, Claim, CancellationToken.None);
        var sent = (MessageSentNotification)OutboxSerializer.ReadNotification(claimed.Single())!;
        var messageId = await db.Messages.Select(m => m.Id).SingleAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(written, Is.EqualTo(1));
            Assert.That(sent.MessageId, Is.EqualTo(messageId));
            Assert.That(sent.NotificationId, Is.Not.EqualTo(Guid.Empty));
        }
    }

    [Test]
    public async Task ARolledBackCommand_LeavesNothingInTheOutbox()
    {
        var (unitOfWork, db) = await UnitOfWorkAsync();
        await db.SaveChangesAsync();

        await unitOfWork.RollbackAsync(CancellationToken.None);

        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_outbox"), Is.Zero);
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.Zero);
    }

    [Test]
    public async Task Claim_TakesTheDueRowsOldestFirst_AndHidesThemFromTheNextClaim()
    {
        var me = new OutboxInstance();
        var ids = await WriteRowsAsync(me, 5);
        var store = Store(me);

        var first = await store.ClaimAsync(3, Claim, CancellationToken.None);
        var second = await store.ClaimAsync(10, Claim, CancellationToken.None);
        var third = await store.ClaimAsync(10, Claim, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Select(e => e.Id).Order(), Is.EqualTo(ids.Take(3)));
            Assert.That(second.Select(e => e.Id).Order(), Is.EqualTo(ids.Skip(3)));
            Assert.That(third, Is.Empty);
            Assert.That(first.Select(e => e.Attempts), Is.All.EqualTo(1));
        }
    }

    [Test]
    public async Task Claim_SkipsRowsAnotherDispatcherIsClaimingRightNow_InsteadOfWaitingForIt()
    {
        var me = new OutboxInstance();
        var ids = await WriteRowsAsync(me, 4);
        await using var other = new NpgsqlConnection(Db.ConnectionString);
        await other.OpenAsync();
        await using var holding = await other.BeginTransactionAsync();
        await using (var lockTwo = new NpgsqlCommand($"SELECT id FROM chat_outbox WHERE id IN ({ids[0]}, {ids[1]}) FOR UPDATE", other, holding))
        {
            await lockTwo.ExecuteNonQueryAsync();
        }

        var claimed = await Store(me).ClaimAsync(10, Claim, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(claimed.Select(e => e.Id).Order(), Is.EqualTo(ids.Skip(2)));
    }

    [Test]
    public async Task ManyDispatchersAtOnce_NeverTakeTheSameRow()
    {
        var me = new OutboxInstance();
        var ids = await WriteRowsAsync(me, 300);
        var stores = Enumerable.Range(0, 4).Select(_ => Store(me)).ToList();

        var batches = await Task.WhenAll(stores.Select(async store =>
        {
            var mine = new List<long>();
            IReadOnlyList<ClaimedOutboxEntry> batch;
            while ((batch = await store.ClaimAsync(25, Claim, CancellationToken.None)).Count > 0)
            {
                mine.AddRange(batch.Select(e => e.Id));
            }

            return mine;
        }));

        var all = batches.SelectMany(b => b).ToList();
        Assert.That(all, Is.Unique);
        Assert.That(all.Order(), Is.EqualTo(ids));
    }

    [Test]
    public async Task ANewRow_IsLeftToTheInstanceThatWroteIt_UntilTheTakeoverDelay()
    {
        var writer = new OutboxInstance();
        await WriteRowsAsync(writer, 1);

        var byAnother = await Store(new OutboxInstance(), takeover: TimeSpan.FromMinutes(1)).ClaimAsync(10, Claim, CancellationToken.None);
        var byAnotherOnceOverdue = await Store(new OutboxInstance(), takeover: TimeSpan.Zero).ClaimAsync(10, Claim, CancellationToken.None);

        Assert.That(byAnother, Is.Empty);
        Assert.That(byAnotherOnceOverdue, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ARowWhoseClaimTimedOut_IsClaimedAgain_ByAnyone()
    {
        var writer = new OutboxInstance();
        var ids = await WriteRowsAsync(writer, 1);
        await Store(writer).ClaimAsync(10, TimeSpan.Zero, CancellationToken.None);

        var again = await Store(new OutboxInstance(), takeover: TimeSpan.FromMinutes(1)).ClaimAsync(10, Claim, CancellationToken.None);

        Assert.That(again.Single().Id, Is.EqualTo(ids[0]));
        Assert.That(again.Single().Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task RetryLater_HidesTheRowForTheDelay_AndDeleteRemovesRows()
    {
        var me = new OutboxInstance();
        var ids = await WriteRowsAsync(me, 3);
        var store = Store(me);
        await store.ClaimAsync(10, TimeSpan.Zero, CancellationToken.None);

        await store.RetryLaterAsync(ids[0], TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.DeleteAsync([ids[1]], CancellationToken.None);

        var due = await store.ClaimAsync(10, Claim, CancellationToken.None);
        Assert.That(due.Select(e => e.Id), Is.EqualTo(new[] { ids[2] }));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_outbox"), Is.EqualTo(2));
    }
}
