using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("chat_messages");
        builder.HasKey(m => m.Id).HasName("chat_messages_pkey");
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Type).HasColumnName("message_type").HasConversion<WireEnumConverter<MessageType>>().HasMaxLength(20);
        builder.Property(m => m.ClientMessageId).HasMaxLength(Message.MaxClientMessageIdLength);

        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("chat_messages_conversation_id_fkey");

        // History pages walk this index by id within a conversation.
        builder.HasIndex(m => new { m.ConversationId, m.Id }).HasDatabaseName("ix_chat_messages_conversation_id");

        // A retried send with the same client id finds the original instead of writing a second row.
        builder.HasIndex(m => new { m.SenderUserId, m.ClientMessageId }).IsUnique()
            .HasFilter("client_message_id IS NOT NULL")
            .HasDatabaseName("ux_chat_messages_sender_client_message_id");
    }
}
