using Astegni.Chat.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

// users and connections belong to other Astegni modules: chat maps the columns it reads and never
// migrates them (a standalone install creates minimal copies in the first migration).

internal sealed class UserRecordConfiguration : IEntityTypeConfiguration<UserRecord>
{
    public void Configure(EntityTypeBuilder<UserRecord> builder)
    {
        builder.ToTable("users", t => t.ExcludeFromMigrations());
        builder.HasKey(u => u.Id);
    }
}

internal sealed class ConnectionRecordConfiguration : IEntityTypeConfiguration<ConnectionRecord>
{
    public void Configure(EntityTypeBuilder<ConnectionRecord> builder)
    {
        builder.ToTable("connections", t => t.ExcludeFromMigrations());
        builder.HasKey(c => c.Id);
    }
}
