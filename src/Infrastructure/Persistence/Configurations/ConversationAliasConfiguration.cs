using Astegni.Chat.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class ConversationAliasConfiguration : IEntityTypeConfiguration<ConversationAlias>
{
    public void Configure(EntityTypeBuilder<ConversationAlias> builder)
    {
        builder.ToTable("chat_conversation_aliases");
        builder.HasKey(a => a.AliasId).HasName("chat_conversation_aliases_pkey");
        builder.Property(a => a.AliasId).ValueGeneratedNever();
        builder.HasOne<Conversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("chat_conversation_aliases_conversation_id_fkey");
    }
}
