using Astegni.Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class MessageDeletionConfiguration : IEntityTypeConfiguration<MessageDeletion>
{
    public void Configure(EntityTypeBuilder<MessageDeletion> builder)
    {
        builder.ToTable("chat_message_deletions");
        builder.HasKey(d => new { d.MessageId, d.UserId }).HasName("chat_message_deletions_pkey");
    }
}
