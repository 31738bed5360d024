using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class CallLogConfiguration : IEntityTypeConfiguration<CallLog>
{
    public void Configure(EntityTypeBuilder<CallLog> builder)
    {
        builder.ToTable("call_logs");
        builder.HasKey(c => c.Id).HasName("call_logs_pkey");
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.CallType).HasConversion<WireEnumConverter<CallType>>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<WireEnumConverter<CallStatus>>().HasMaxLength(20);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("call_logs_conversation_id_fkey");
        builder.HasIndex(c => c.CallerUserId).HasDatabaseName("ix_call_logs_caller");

        // Call history pages by (started_at, id) within a conversation; the missed-call check looks
        // only at calls still ringing.
        builder.HasIndex(c => new { c.ConversationId, c.StartedAt, c.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_call_logs_conversation_started");
        builder.HasIndex(c => c.StartedAt).HasFilter("status IN ('ringing', 'initiated')")
            .HasDatabaseName("ix_call_logs_ringing");
        builder.Ignore(c => c.DomainEvents);
    }
}
