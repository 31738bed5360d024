using Astegni.Chat.Infrastructure.Legacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

internal sealed class UpgradeReportRecordConfiguration : IEntityTypeConfiguration<UpgradeReportRecord>
{
    public void Configure(EntityTypeBuilder<UpgradeReportRecord> builder)
    {
        builder.ToTable("chat_migration_reports");
        builder.HasKey(r => r.Id).HasName("chat_migration_reports_pkey");
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.Report).HasColumnType("jsonb");
    }
}
