using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Media;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.Domain.Presence;
using Astegni.Chat.Domain.Privacy;
using Astegni.Chat.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Persistence;

public sealed class ChatDbContext(DbContextOptions<ChatDbContext> options) : DbContext(options), IChatDbContext
{
    /// <summary>The shadow property of a versioned row (messages, memberships): its <c>xmin</c>.</summary>
    public const string VersionProperty = "Version";

    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<PrivacySettings> PrivacySettings => Set<PrivacySettings>();
    public DbSet<UserPresence> Presence => Set<UserPresence>();
    public DbSet<CallLog> CallLogs => Set<CallLog>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<ConversationAlias> ConversationAliases => Set<ConversationAlias>();
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();
    public IQueryable<UserRecord> Users => Set<UserRecord>().AsNoTracking();
    public IQueryable<ConnectionRecord> Connections => Set<ConnectionRecord>().AsNoTracking();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // SERIAL ids and PostgreSQL's default constraint names, as Astegni's existing tables have them,
        // so an upgraded legacy database and a fresh one end in the same schema.
        modelBuilder.UseSerialColumns();
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Typed ids are stored as the integer columns Astegni already has.
        configurationBuilder.Properties<UserId>().HaveConversion<TypedIdConverters.UserIdConverter>();
        configurationBuilder.Properties<ConversationId>().HaveConversion<TypedIdConverters.ConversationIdConverter>();
        configurationBuilder.Properties<MessageId>().HaveConversion<TypedIdConverters.MessageIdConverter>();
        configurationBuilder.Properties<MediaId>().HaveConversion<TypedIdConverters.MediaIdConverter>();
        configurationBuilder.Properties<CallId>().HaveConversion<TypedIdConverters.CallIdConverter>();
        configurationBuilder.Properties<BlockId>().HaveConversion<TypedIdConverters.BlockIdConverter>();
        configurationBuilder.Properties<ParticipantId>().HaveConversion<TypedIdConverters.ParticipantIdConverter>();
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrentChangeException(exception);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new DuplicateKeyException(unique.ConstraintName, exception);
        }
    }

    public void DiscardPendingChanges()
    {
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AggregateRoot aggregate)
            {
                aggregate.ClearDomainEvents();
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    entry.State = EntityState.Detached;
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    entry.CurrentValues.SetValues(entry.OriginalValues);
                    entry.State = EntityState.Unchanged;
                    break;
            }
        }
    }
}
