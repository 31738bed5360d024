using System.Diagnostics;
using Astegni.Chat.Infrastructure.Legacy.Steps;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>
/// The <c>migrate</c> command: brings an Astegni database, whatever its state, to this module's
/// schema with every chat row keyed by user. A legacy database is upgraded in place, additively
/// (legacy columns stay for the old backend), in one transaction: all or nothing. A fresh one gets
/// the schema. An upgraded one has rows the old backend wrote since folded in. Running it again
/// changes nothing.
/// </summary>
public sealed class LegacyUpgrade(string connectionString)
{
    public async Task<UpgradeReport> RunAsync(UpgradeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var report = new UpgradeReport { Database = connection.Database, DryRun = options.DryRun };

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var tuning = new NpgsqlCommand(
            $"SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL {ModuleConnection.Setting} = '{ModuleConnection.Value}'", connection, transaction))
        {
            // Index builds at the end of the upgrade run in memory rather than spilling to disk. The upgrade's own
            // rewrites are not the legacy backend's writes: the change feed's triggers skip them.
            await tuning.ExecuteNonQueryAsync(cancellationToken);
        }

        var catalog = await Catalog.ReadAsync(connection, transaction);
        var classification = DatabaseClassification.Of(catalog);
        report.Shape = classification.Shape;
        report.Missing = classification.Missing;

        switch (classification.Kind)
        {
            case DatabaseKind.Unrecognized:
                report.Outcome = "refused: this is neither an Astegni chat database nor this module's; see what is missing above";
                return report;
            case DatabaseKind.Empty:
                await transaction.RollbackAsync(cancellationToken);
                return await CreateFreshAsync(report, options, cancellationToken);
        }

        var context = new UpgradeContext(connection, transaction, catalog, options, report);
        if (!await UseTimeZoneAsync(context))
        {
            return report;
        }

        if (!await PrepareDecryptionAsync(context))
        {
            return report;
        }

        var baseline = BaselineSchema.Load(connectionString);
        IUpgradeStep[] steps =
        [
            new ResolveIdentities(),
            new PrepareSchema(baseline),
            new MergeParticipants(),
            new MergeConversations(),
            new RekeyMessages(),
            new DecryptContent(),
            new RekeyReactions(),
            new RekeyBlocks(),
            new MergeSettings(),
            new RekeyCallLogs(),
            new DeriveReadPositions(),
            new FinishSchema(baseline),
            new InstallLegacyWriteAdapter(),
            new InstallLegacyChangeFeed(),
            new AnalyzeRewrittenTables(),
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            if (classification.Kind == DatabaseKind.Current && steps[i] is FinishSchema)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            await steps[i].RunAsync(context);
            report.StepMilliseconds.Add(new(steps[i].Name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            if (options.StopAfterStep == i + 1)
            {
                throw new UpgradeInterruptedException($"stopped after step {i + 1} ({steps[i].Name}) as asked");
            }
        }

        foreach (var (table, counts) in report.Tables)
        {
            // A dry run projects what the real run will leave; a real run counts it.
            counts.After = options.DryRun
                ? counts.Before + counts.Created - counts.Merged - counts.Orphaned
                : await context.CountAsync($"SELECT count(*) FROM {PrepareSchema.Quote(table)}");
        }

        var changed = report.Counts.Count > 0;
        report.Outcome = (classification.Kind, options.DryRun, changed) switch
        {
            (DatabaseKind.Current, _, false) => "nothing to do: the database is already upgraded",
            (_, true, _) => "dry run: nothing was written",
            (DatabaseKind.Current, false, true) => "folded in rows the legacy backend wrote since the upgrade",
            _ => "upgraded",
        };

        if (options.DryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return report;
        }

        await RecordAsync(context, classification.Kind == DatabaseKind.Legacy ? "legacy" : "incremental");
        await transaction.CommitAsync(cancellationToken);
        await ApplyPendingMigrationsAsync(cancellationToken);
        return report;
    }

    private async Task<UpgradeReport> CreateFreshAsync(UpgradeReport report, UpgradeOptions options, CancellationToken cancellationToken)
    {
        if (options.DryRun)
        {
            report.Outcome = "dry run: would create the current schema";
            return report;
        }

        await ApplyPendingMigrationsAsync(cancellationToken);
        report.Outcome = "created the current schema";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO chat_migration_reports (ran_at, kind, report) VALUES (now(), 'fresh', $1::jsonb)", connection);
        command.Parameters.AddWithValue(report.ToJson());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return report;
    }

    private async Task ApplyPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var db = new ChatDbContext(
            ChatDbContextOptions.Configure(new DbContextOptionsBuilder<ChatDbContext>(), connectionString).Options);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Legacy wall-clock times are read in the given zone, else in the database's own TimeZone setting.</summary>
    private static async Task<bool> UseTimeZoneAsync(UpgradeContext context)
    {
        var zone = context.Options.LegacyTimeZone;
        if (zone is null)
        {
            zone = (await context.LinesAsync("SELECT current_setting('TimeZone')")).Single();
        }
        else if (await context.CountAsync($"SELECT count(*) FROM pg_timezone_names WHERE name = {PrepareSchema.Literal(zone)}") == 0)
        {
            context.Report.Outcome = $"refused: unknown time zone '{zone}' (use an IANA name such as Africa/Addis_Ababa)";
            return false;
        }

        context.Report.LegacyTimeZone = zone;
        context.TimeZoneLiteral = PrepareSchema.Literal(zone);
        return true;
    }

    /// <summary>With a legacy key, legacy content is decrypted in the database by pgcrypto.</summary>
    private static async Task<bool> PrepareDecryptionAsync(UpgradeContext context)
    {
        if (context.Options.LegacyEncryptionKey is null)
        {
            return true;
        }

        if (LegacyFernet.NormalizeKey(context.Options.LegacyEncryptionKey) is not { } key)
        {
            context.Report.Outcome = "refused: the legacy encryption key is not a Fernet key (32 bytes, url-safe base64)";
            return false;
        }

        if (await context.CountAsync("SELECT count(*) FROM pg_available_extensions WHERE name = 'pgcrypto'") == 0)
        {
            context.Report.Outcome = "refused: decrypting legacy content needs PostgreSQL's pgcrypto extension (package postgresql-contrib)";
            return false;
        }

        await context.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pgcrypto");
        await context.ExecuteAsync(LegacyFernet.CreateFunction);
        context.FernetKeyLiteral = PrepareSchema.Literal(key);
        return true;
    }

    private static async Task RecordAsync(UpgradeContext context, string kind)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO chat_migration_reports (ran_at, kind, report) VALUES (now(), $1, $2::jsonb)", context.Connection, context.Transaction);
        command.Parameters.AddWithValue(kind);
        command.Parameters.AddWithValue(context.Report.ToJson());
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The upgrade was stopped on purpose midway (tests of all-or-nothing); nothing was kept.</summary>
public sealed class UpgradeInterruptedException(string message) : Exception(message);
