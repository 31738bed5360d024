using Astegni.Chat.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("conversation_participants");
        builder.HasKey(p => p.Id).HasName("conversation_participants_pkey");
        builder.Property(p => p.Id).ValueGeneratedOnAdd();
        builder.Property(p => p.Role).HasConversion<WireEnumConverter<ParticipantRole>>().HasMaxLength(20);

        // Optimistic concurrency: PostgreSQL's xmin system column, which every write of the row changes. A
        // save over a row someone else changed since it was read fails (ConcurrentChangeException) instead
        // of undoing their change. A system column: no schema change, nothing to migrate.
        builder.Property<uint>(ChatDbContext.VersionProperty).IsRowVersion();

        // One membership per user and conversation; leaving deactivates it, re-adding reactivates it.
        builder.HasIndex(p => new { p.ConversationId, p.UserId }).IsUnique()
            .HasDatabaseName("ux_conversation_participants_conversation_user");
        builder.HasIndex(p => p.UserId).HasDatabaseName("ix_conversation_participants_user");
    }
}
