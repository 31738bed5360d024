using Astegni.Chat.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class PrivacySettingsConfiguration : IEntityTypeConfiguration<PrivacySettings>
{
    public void Configure(EntityTypeBuilder<PrivacySettings> builder)
    {
        builder.ToTable("chat_settings");
        builder.HasKey(s => s.Id).HasName("chat_settings_pkey");
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.HasIndex(s => s.UserId).IsUnique().HasDatabaseName("ux_chat_settings_user");
        builder.Property(s => s.WhoCanMessage).HasConversion<WireEnumConverter<Audience>>().HasMaxLength(20);
        builder.Property(s => s.AllowCallsFrom).HasConversion<WireEnumConverter<Audience>>().HasMaxLength(20);
        builder.Property(s => s.AllowGroupAdds).HasConversion<WireEnumConverter<Audience>>().HasMaxLength(20);
        builder.Property(s => s.LastSeenVisibility).HasConversion<WireEnumConverter<Visibility>>().HasMaxLength(20);
    }
}
