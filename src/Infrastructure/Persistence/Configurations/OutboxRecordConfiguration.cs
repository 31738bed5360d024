using Astegni.Chat.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class OutboxRecordConfiguration : IEntityTypeConfiguration<OutboxRecord>
{
    public void Configure(EntityTypeBuilder<OutboxRecord> builder)
    {
        builder.ToTable("chat_outbox");
        builder.HasKey(r => r.Id).HasName("chat_outbox_pkey");
        builder.Property(r => r.Type).HasMaxLength(100);
        // json, not jsonb: the payload goes back out exactly as it was written (jsonb would reorder its keys).
        builder.Property(r => r.Payload).HasColumnType("json");
        // The database's clock, so several instances agree on when a row is due.
        builder.Property(r => r.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(r => r.AvailableAt).HasDefaultValueSql("now()");
    }
}
