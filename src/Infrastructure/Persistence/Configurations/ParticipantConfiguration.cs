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

        // One membership per user and conversation; leaving deactivates it, re-adding reactivates it.
        builder.HasIndex(p => new { p.ConversationId, p.UserId }).IsUnique()
            .HasDatabaseName("ux_conversation_participants_conversation_user");
        builder.HasIndex(p => p.UserId).HasDatabaseName("ix_conversation_participants_user");
    }
}
