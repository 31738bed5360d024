using Astegni.Chat.Domain.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class UserPresenceConfiguration : IEntityTypeConfiguration<UserPresence>
{
    public void Configure(EntityTypeBuilder<UserPresence> builder)
    {
        builder.ToTable("chat_user_presence");
        builder.HasKey(p => p.UserId).HasName("chat_user_presence_pkey");
        builder.Property(p => p.UserId).ValueGeneratedNever();
    }
}
