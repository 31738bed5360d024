using Astegni.Chat.Domain.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("chat_media");
        builder.HasKey(m => m.Id).HasName("chat_media_pkey");
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Kind).HasConversion<WireEnumConverter<MediaKind>>().HasMaxLength(20);
        builder.Property(m => m.MimeType).HasMaxLength(100);
        builder.Property(m => m.StorageKey).HasMaxLength(200);
        builder.Property(m => m.FileName).HasMaxLength(255);
        builder.HasIndex(m => m.UploaderUserId).HasDatabaseName("ix_chat_media_uploader");
    }
}
