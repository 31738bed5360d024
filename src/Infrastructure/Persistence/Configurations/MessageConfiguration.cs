using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Media;
using Astegni.Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("chat_messages");
        builder.HasKey(m => m.Id).HasName("chat_messages_pkey");
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Type).HasColumnName("message_type").HasConversion<WireEnumConverter<MessageType>>().HasMaxLength(20);
        builder.Property(m => m.ClientMessageId).HasMaxLength(Message.MaxClientMessageIdLength);

        builder.Property(m => m.OriginalContent);

        // Written for the old clients only (LegacyMediaColumn); the column the legacy schema already has.
        builder.Property<string?>(LegacyMediaColumn.Property).HasColumnName(LegacyMediaColumn.Column).HasMaxLength(LegacyMediaColumn.MaxLength);

        // Optimistic concurrency: PostgreSQL's xmin system column, which every write of the row changes. A
        // save over a row someone else changed since it was read fails (ConcurrentChangeException) instead
        // of undoing their change. A system column: no schema change, nothing to migrate.
        builder.Property<uint>(ChatDbContext.VersionProperty).IsRowVersion();
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("chat_messages_conversation_id_fkey");
        builder.HasOne<MediaItem>().WithMany().HasForeignKey(m => m.MediaId).OnDelete(DeleteBehavior.SetNull)
            .HasConstraintName("chat_messages_media_id_fkey");
        builder.HasOne<Message>().WithMany().HasForeignKey(m => m.ReplyToId).OnDelete(DeleteBehavior.SetNull)
            .HasConstraintName("chat_messages_reply_to_id_fkey");
        builder.HasOne<Message>().WithMany().HasForeignKey(m => m.ForwardedFromId).OnDelete(DeleteBehavior.SetNull)
            .HasConstraintName("chat_messages_forwarded_from_id_fkey");

        builder.HasMany(m => m.Reactions).WithOne().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("message_reactions_message_id_fkey");
        builder.Navigation(m => m.Reactions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Deletions).WithOne().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("chat_message_deletions_message_id_fkey");
        builder.Navigation(m => m.Deletions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(m => m.DomainEvents);

        // Word search over text ('simple': Amharic and English both occur); the GIN index serves
        // queries that match against this same column.
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('simple'::regconfig, COALESCE(content, ''))", stored: true);
        builder.HasIndex(SearchVector).HasMethod("gin").HasDatabaseName("ix_chat_messages_search_vector");

        // History pages walk this index by id within a conversation.
        builder.HasIndex(m => new { m.ConversationId, m.Id }).HasDatabaseName("ix_chat_messages_conversation_id");

        // A retried send with the same client id finds the original instead of writing a second row.
        builder.HasIndex(m => new { m.SenderUserId, m.ClientMessageId }).IsUnique()
            .HasFilter("client_message_id IS NOT NULL")
            .HasDatabaseName("ux_chat_messages_sender_client_message_id");
    }
}
