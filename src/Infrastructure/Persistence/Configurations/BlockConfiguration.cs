using Astegni.Chat.Domain.Blocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> builder)
    {
        builder.ToTable("blocked_chat_contacts");
        builder.HasKey(b => b.Id).HasName("blocked_chat_contacts_pkey");
        builder.Property(b => b.Id).ValueGeneratedOnAdd();
        builder.HasIndex(b => new { b.BlockerUserId, b.BlockedUserId }).IsUnique()
            .HasDatabaseName("ux_blocked_chat_contacts_pair");
        builder.HasIndex(b => b.BlockedUserId).HasDatabaseName("ix_blocked_chat_contacts_blocked");
        builder.Ignore(b => b.DomainEvents);
    }
}
