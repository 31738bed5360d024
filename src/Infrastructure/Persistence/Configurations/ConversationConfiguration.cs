using Astegni.Chat.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(c => c.Id).HasName("conversations_pkey");
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Type).HasConversion<WireEnumConverter<ConversationType>>().HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(255);
        builder.Property(c => c.AvatarUrl).HasMaxLength(500);

        // Exactly one direct conversation per user pair, and one notes conversation per user, even
        // when two requests open it at the same moment.
        builder.HasIndex(c => new { c.DirectUserLowId, c.DirectUserHighId })
            .IsUnique()
            .HasFilter("direct_user_low_id IS NOT NULL")
            .HasDatabaseName("ux_conversations_direct_pair");

        // Partial, case-insensitive search by group name.
        builder.HasIndex(c => c.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_conversations_name_trgm");

        builder.HasMany(c => c.Participants)
            .WithOne()
            .HasForeignKey(p => p.ConversationId)
            .OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("conversation_participants_conversation_id_fkey");
        builder.Navigation(c => c.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.ActiveMemberIds);
    }
}
