using Astegni.Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.ToTable("message_reactions");
        builder.HasKey(r => r.Id).HasName("message_reactions_pkey");
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Value).HasColumnName("reaction").HasMaxLength(Reaction.MaxLength);

        // One reaction per user and message: reacting again replaces it.
        builder.HasIndex(r => new { r.MessageId, r.UserId }).IsUnique().HasDatabaseName("ux_message_reactions_message_user");
    }
}
