namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Gives the planner statistics for every table the upgrade rewrote. Without them the first queries after an
/// upgrade are planned on guesses (a rewritten table has none until autovacuum gets round to it), which is
/// when the service is busiest with people coming back.
/// </summary>
internal sealed class AnalyzeRewrittenTables : IUpgradeStep
{
    public string Name => "planner statistics";

    public async Task RunAsync(UpgradeContext context)
    {
        var tables = context.Report.Tables.Keys.Where(table => context.Catalog.Has(table)).Select(PrepareSchema.Quote).ToList();
        if (tables.Count > 0)
        {
            await context.AnalyzeAsync(string.Join(", ", tables));
        }
    }
}
