using System.Diagnostics;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;

namespace Astegni.Chat.Api.Tests.Verbs;

/// <summary>The executable's migrate and verify verbs, run as an operator runs them.</summary>
public sealed class MigrateAndVerifyVerbTests
{
    [Test]
    public async Task MigrateThenVerify_OnALegacyDatabase_FromTheCommandLine()
    {
        var db = await LegacyDatabase.CreateAsync("verbs_legacy", LegacyShape.Scripts);
        var backup = Path.Combine(Path.GetTempPath(), $"astegni-chat-{Guid.NewGuid():N}.dump");

        var dryRun = await RunAsync(db, "migrate", "--dry-run");
        var migrate = await RunAsync(db, "migrate", "--backup", backup, "--legacy-time-zone", LegacyDatabase.TimeZone);
        var verify = await RunAsync(db, "verify");
        var again = await RunAsync(db, "migrate", "--json");

        try
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(dryRun.ExitCode, Is.Zero, dryRun.Output);
                Assert.That(dryRun.Output, Does.Contain("dry run: nothing was written").And.Contain("conversations.duplicate_direct_merged"));
                Assert.That(migrate.ExitCode, Is.Zero, migrate.Output);
                Assert.That(migrate.Output, Does.Contain($"backup written to {backup}").And.Contain("outcome: upgraded"));
                Assert.That(new FileInfo(backup).Length, Is.Positive);
                Assert.That(verify.ExitCode, Is.Zero, verify.Output);
                Assert.That(verify.Output, Does.Contain("every post-condition holds"));
                Assert.That(again.Output, Does.Contain("\"outcome\": \"nothing to do: the database is already upgraded\""));
            }
        }
        finally
        {
            File.Delete(backup);
        }
    }

    [Test]
    public async Task Migrate_WhoseBackupFails_ChangesNothing()
    {
        var db = await LegacyDatabase.CreateAsync("verbs_backup_fails", LegacyShape.Scripts);

        var migrate = await RunAsync(db, "migrate", "--backup", "/nonexistent/directory/chat.dump");
        var dryRun = await RunAsync(db, "migrate", "--dry-run");

        Assert.That(migrate.ExitCode, Is.EqualTo(1));
        Assert.That(migrate.Output, Does.Contain("The backup failed: nothing was changed."));
        Assert.That(dryRun.Output, Does.Contain("found:    legacy (migration scripts)"), "still the legacy database it was");
    }

    [Test]
    public async Task Migrate_RefusesADatabaseThatIsNeitherLegacyNorOurs_AndVerifyFailsOnIt()
    {
        var db = await TestDatabase.RecreateAsync("verbs_unrecognized");
        await LegacyDatabase.ExecuteAsync(db, "CREATE TABLE chat_messages (id SERIAL PRIMARY KEY)");

        var migrate = await RunAsync(db, "migrate");
        var verify = await RunAsync(db, "verify");

        Assert.That(migrate.ExitCode, Is.EqualTo(1));
        Assert.That(migrate.Output, Does.Contain("refused").And.Contain("missing:  table conversations"));
        Assert.That(verify.ExitCode, Is.EqualTo(1));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["Astegni.Chat.Api.dll", .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Chat"] = connectionString;
        start.Environment["CHAT_ENCRYPTION_KEY"] = LegacyDatabase.FernetKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
